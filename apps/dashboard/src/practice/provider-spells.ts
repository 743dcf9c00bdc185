import { table } from '../shared/dom.js';
import { longDate } from '../shared/format.js';
import type { HistoryEvent, Holder } from './practice-types.js';

interface Spell {
  readonly from: string;
  until: string | null;
  readonly provider: string;
}

/**
 * Who provided the practice's services when (SPEC §3: the trust when subcontracted, else the contract holder), read off
 * the timeline's events that still count. Dates are effective dates; `until` is the first day of the next spell.
 */
export function providerSpells(events: readonly HistoryEvent[]): Spell[] {
  const spells: Spell[] = [];
  let holder: Holder | null = null;
  let trust: { code: string; name: string } | null = null;
  const note = (date: string, provider: string | null) => {
    const last = spells.at(-1);
    if (last && last.until === null && last.provider === provider) return;
    if (last && last.until === null) last.until = date;
    if (provider !== null) spells.push({ from: date, until: null, provider });
  };
  for (const event of events) {
    if (event.retracted) continue;
    const d = event.data;
    if (event.type === 'PracticeOpened') holder = ((d.contract as { holder?: Holder } | undefined)?.holder ?? null) as Holder | null;
    else if (event.type === 'ContractChanged') holder = d.holder as Holder;
    else if (event.type === 'ContractSubcontractedToTrust') trust = { code: String(d.trustCode), name: String(d.trustName) };
    else if (event.type === 'TrustSubcontractEnded') trust = null;
    else if (event.type === 'PracticeClosed' || event.type === 'PracticeMerged') {
      note(event.effectiveDate, null);
      continue;
    } else continue;
    note(event.effectiveDate, trust ? `${trust.name} (NHS trust ${trust.code})` : holder ? `${holder.name} (${holder.kind})` : 'No contract holder');
  }
  return spells;
}

export const providerTable = (events: readonly HistoryEvent[]): HTMLElement =>
  table(
    'Provider over time (effective dates)',
    ['From', 'Until', 'Provider'],
    providerSpells(events).map((s) => [longDate(s.from), s.until ? longDate(s.until) : 'Now', s.provider]),
    9,
  );
