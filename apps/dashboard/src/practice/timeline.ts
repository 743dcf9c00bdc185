import { h, table } from '../shared/dom.js';
import { instant, longDate } from '../shared/format.js';
import type { HistoryEvent } from './practice-types.js';

const TYPE_NAMES: Record<string, string> = {
  PracticeOpened: 'Opened',
  PracticeRenamed: 'Renamed',
  CommissionerChanged: 'Commissioner changed',
  ContractChanged: 'Contract changed',
  PartnerJoined: 'Partner joined',
  PartnerExited: 'Partner left',
  PartnerConvertedToSalaried: 'Partner became salaried',
  SalariedGpJoined: 'Salaried GP joined',
  SalariedGpLeft: 'Salaried GP left',
  ContractSubcontractedToTrust: 'Subcontracted to a trust',
  TrustSubcontractEnded: 'Trust subcontract ended',
  FederationJoined: 'Joined a federation',
  FederationLeft: 'Left a federation',
  PcnJoined: 'Joined a PCN',
  PcnLeft: 'Left a PCN',
  ListSizeRecorded: 'List size recorded',
  PracticeMerged: 'Merged into another practice',
  PracticeAbsorbed: 'Absorbed another practice',
  PracticeClosed: 'Closed',
  EventRetracted: 'Retraction',
};

/** The event's data in a line, leaving out what the row already says. */
function details(event: HistoryEvent): string {
  const d = event.data;
  const holder = (x: unknown) => (x && typeof x === 'object' ? `${(x as { name: string }).name} (${(x as { kind: string }).kind})` : '');
  switch (event.type) {
    case 'PracticeOpened':
      return [
        d.name,
        d.commissionerCode && `commissioner ${d.commissionerCode}`,
        d.contract && `${(d.contract as { type: string }).type} held by ${holder((d.contract as { holder: unknown }).holder)}`,
      ]
        .filter(Boolean)
        .join(', ');
    case 'ContractChanged':
      return `${d.type} held by ${holder(d.holder)}`;
    case 'ContractSubcontractedToTrust':
      return `${d.trustName} (${d.trustCode})`;
    default:
      return Object.entries(d)
        .filter(([key]) => key !== 'odsCode')
        .map(([key, value]) => `${key}: ${value === null ? 'none' : typeof value === 'object' ? JSON.stringify(value) : value}`)
        .join(', ');
  }
}

/**
 * The timeline in effective order with who recorded each event and when. A retracted event is struck through, and its
 * retraction (who, when, why) is shown beside it rather than as a row of its own.
 */
export function timelineTable(events: readonly HistoryEvent[], knownAt: string, onlyType = ''): HTMLElement {
  const retractions = new Map(events.filter((e) => e.type === 'EventRetracted').map((e) => [String(e.data.eventId), e]));
  const rows = events
    .filter((e) => e.type !== 'EventRetracted' && (!onlyType || e.type === onlyType))
    .map((event) => {
      const retraction = event.retracted ? retractions.get(event.eventId) : undefined;
      const what = h('span', {}, h('strong', {}, TYPE_NAMES[event.type] ?? event.type), ' ', details(event));
      return [
        longDate(event.effectiveDate),
        retraction
          ? h(
              'span',
              { class: 'app-retracted' },
              h('del', {}, what),
              ' ',
              h('strong', { class: 'nhsuk-tag nhsuk-tag--red' }, 'Retracted'),
              h('br'),
              `Retracted by ${retraction.recordedBy} at ${instant(retraction.recordedAt)}: ${String(retraction.data.reason ?? '')}`,
            )
          : what,
        event.recordedBy,
        instant(event.recordedAt),
      ];
    });
  return table(
    `Events as the register knew them at ${instant(knownAt)}, in effective order`,
    ['Effective', 'Event', 'Recorded by', 'Recorded at'],
    rows,
    9,
  );
}

/**
 * The timeline with a choice of event type above it: a practice with decades of history has hundreds of events, most
 * of them yearly list sizes.
 */
export function filterableTimeline(events: readonly HistoryEvent[], knownAt: string): HTMLElement {
  const types = [...new Set(events.map((e) => e.type))].filter((type) => type !== 'EventRetracted');
  const holder = h('div', {}, timelineTable(events, knownAt));
  const select = h(
    'select',
    {
      class: 'nhsuk-select',
      id: 'timeline-type',
      onchange: () => holder.replaceChildren(timelineTable(events, knownAt, select.value)),
    },
    h('option', { value: '' }, `All events (${events.filter((e) => e.type !== 'EventRetracted').length})`),
    types.map((type) => h('option', { value: type }, `${TYPE_NAMES[type] ?? type} (${events.filter((e) => e.type === type).length})`)),
  );
  return h(
    'div',
    {},
    h('div', { class: 'nhsuk-form-group' }, h('label', { class: 'nhsuk-label', for: 'timeline-type' }, 'Event type'), select),
    holder,
  );
}
