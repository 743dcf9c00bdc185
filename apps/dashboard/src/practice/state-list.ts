import { h, summaryList } from '../shared/dom.js';
import { count, longDate } from '../shared/format.js';
import type { Holder, PracticeState } from './practice-types.js';

const holder = (h: Holder | null): string => (h ? `${h.name} (${h.kind})` : 'None');
const people = (list: ReadonlyArray<{ name: string; gmcNumber: string }>) =>
  list.length === 0
    ? 'None'
    : h(
        'ul',
        { class: 'nhsuk-list' },
        list.map((p) => h('li', {}, `${p.name} (GMC ${p.gmcNumber})`)),
      );

/** The practice's state on the date as a summary list: what a commissioner asks first. */
export function stateList(state: PracticeState) {
  return summaryList([
    ['Status', state.status === 'open' ? 'Open' : `Closed on ${longDate(state.closedOn ?? state.asOf)}`],
    ['Opened', longDate(state.openedOn)],
    ['Commissioner', state.commissionerCode ?? 'None'],
    ['Contract', state.contract ? `${state.contract.type}, held by ${holder(state.contract.holder)}` : 'None'],
    ['Provider', holder(state.provider)],
    [
      'Subcontracted to',
      state.subcontract ? `${state.subcontract.trustName} (${state.subcontract.trustCode}) since ${longDate(state.subcontract.since)}` : 'No trust',
    ],
    ['Partners', people(state.partners)],
    ['Salaried GPs', people(state.salariedGps)],
    [
      'Federations',
      state.federations.length === 0 ? 'None' : state.federations.map((f) => `${f.federationName} since ${longDate(f.since)}`).join('; '),
    ],
    ['Primary care network', state.pcn ? `${state.pcn.pcnName} (${state.pcn.pcnCode})` : 'None'],
    ['Registered patients', state.registeredPatients === null ? 'Not recorded' : count(state.registeredPatients)],
    ['Single-handed', state.singleHanded ? 'Yes' : 'No'],
    ['Without partners', state.withoutPartners ? 'Yes (a contract at risk)' : 'No'],
  ]);
}

/** Fields that differ between two beliefs about the same date, for the "how belief changed" panel. */
export function beliefDifferences(then: PracticeState | null, now: PracticeState | null): Array<{ field: string; then: string; now: string }> {
  const shown = (state: PracticeState | null) => (state ? stateList(state) : null);
  const a = shown(then);
  const b = shown(now);
  const values = (list: HTMLDListElement | null) =>
    new Map(
      list
        ? [...list.querySelectorAll('.nhsuk-summary-list__row')].map((row) => [
            row.querySelector('dt')!.textContent!,
            row.querySelector('dd')!.textContent!,
          ])
        : [],
    );
  const before = values(a);
  const after = values(b);
  const fields = new Set([...before.keys(), ...after.keys(), 'Name']);
  before.set('Name', then?.name ?? 'Not recorded yet');
  after.set('Name', now?.name ?? 'Not recorded');
  return [...fields]
    .filter((f) => before.get(f) !== after.get(f))
    .map((field) => ({ field, then: before.get(field) ?? 'Not recorded yet', now: after.get(field) ?? 'Not recorded' }));
}
