import type { EventStore } from '#event-store';
import { readLogHistories, replayLandscape } from '#landscape';
import type { PracticeSnapshot } from '#practices';

/** The figures of GET /landscape/summary that the naive fold is checked against (default bands 20000,100000). */
export interface NaiveSummary {
  readonly open: number;
  readonly partners: number;
  readonly salaried: number;
  readonly singleHanded: number;
  readonly withoutPartners: number;
  readonly subcontracted: number;
  readonly practicesInFederation: number;
  readonly practicesInPcn: number;
  readonly pcns: number;
  readonly registeredPatients: number;
  readonly byCommissioner: Record<string, number>;
  readonly byContractType: Record<string, number>;
  readonly byHolderKind: Record<string, number>;
  readonly providers: number;
  readonly providersByBand: readonly number[];
}

const BAND_BOUNDS = [0, 20_000, 100_000];

/**
 * The obvious implementation the projections exist to avoid: read the whole log, fold every practice's history with
 * the pure decider to (asOf, knownAt), and aggregate in memory. Timed end to end, as a request would pay for it.
 */
export async function naiveFoldSummary(store: EventStore, asOf: string, knownAt: string): Promise<NaiveSummary> {
  const { histories } = await readLogHistories(store, { pageSize: 10_000 });
  return summarise(replayLandscape(histories, asOf, knownAt));
}

function summarise(states: readonly PracticeSnapshot[]): NaiveSummary {
  const open = states.filter((s) => s.status === 'open');
  const count = (key: (s: PracticeSnapshot) => string) => {
    const counts: Record<string, number> = {};
    for (const s of open) counts[key(s)] = (counts[key(s)] ?? 0) + 1;
    return counts;
  };
  const providerPatients = new Map<string, number>();
  for (const s of open) {
    if (!s.provider) continue;
    const key = `${s.provider.kind}/${s.provider.id}`;
    providerPatients.set(key, (providerPatients.get(key) ?? 0) + (s.registeredPatients ?? 0));
  }
  const bandOf = (patients: number) => BAND_BOUNDS.filter((min) => patients >= min).length - 1;
  const providersByBand = BAND_BOUNDS.map(() => 0);
  for (const patients of providerPatients.values()) providersByBand[bandOf(patients)]++;
  const sum = (value: (s: PracticeSnapshot) => number) => open.reduce((total, s) => total + value(s), 0);
  return {
    open: open.length,
    partners: sum((s) => s.partnerCount),
    salaried: sum((s) => s.salariedCount),
    singleHanded: open.filter((s) => s.singleHanded).length,
    withoutPartners: open.filter((s) => s.withoutPartners).length,
    subcontracted: open.filter((s) => s.subcontract !== null).length,
    practicesInFederation: open.filter((s) => s.federations.length > 0).length,
    practicesInPcn: open.filter((s) => s.pcn !== null).length,
    pcns: new Set(open.flatMap((s) => (s.pcn ? [s.pcn.pcnCode] : []))).size,
    registeredPatients: sum((s) => s.registeredPatients ?? 0),
    byCommissioner: count((s) => s.commissionerCode ?? 'none'),
    byContractType: count((s) => s.contract?.type ?? 'none'),
    byHolderKind: count((s) => s.contract?.holder.kind ?? 'none'),
    providers: providerPatients.size,
    providersByBand,
  };
}

/** The API's summary in the same terms, to check that both answered the same question. */
export function comparableApiSummary(api: {
  practices: { open: number };
  gps: { partners: number; salaried: number };
  singleHanded: number;
  withoutPartners: number;
  registeredPatients: number;
  providers: { total: number };
}): Pick<NaiveSummary, 'open' | 'partners' | 'salaried' | 'singleHanded' | 'withoutPartners' | 'registeredPatients' | 'providers'> {
  return {
    open: api.practices.open,
    partners: api.gps.partners,
    salaried: api.gps.salaried,
    singleHanded: api.singleHanded,
    withoutPartners: api.withoutPartners,
    registeredPatients: api.registeredPatients,
    providers: api.providers.total,
  };
}
