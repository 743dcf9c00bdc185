import { FACT, type SummaryFacts } from '../../read-models/practice-versions/summary-facts.js';
import type { LandscapeSummary } from './get-landscape-summary.query.js';
import type { PopulationBand } from './population-bands.js';

export type LandscapeFigures = Omit<LandscapeSummary, 'asOf' | 'knownAt'>;

const NONE = 'none';

/** Every figure of the summary, in one pass over the open practices' facts. Count maps are keyed in code order. */
export function landscapeFigures(practices: readonly SummaryFacts[], bands: readonly PopulationBand[]): LandscapeFigures {
  const byCommissioner = new Counter();
  const byContractType = new Counter();
  const byHolderKind = new Counter();
  const byTrust = new Counter();
  const byFederation = new Counter();
  const pcns = new Set<string>();
  const providerPatients = new Map<string, Map<string, number>>();
  let partners = 0;
  let salaried = 0;
  let singleHanded = 0;
  let withoutPartners = 0;
  let inFederation = 0;
  let inPcn = 0;
  let registeredPatients = 0;

  for (const practice of practices) {
    const federations = practice[FACT.federationIds];
    const pcn = practice[FACT.pcnCode];
    const trust = practice[FACT.trustCode];
    const patients = practice[FACT.registeredPatients] ?? 0;
    byCommissioner.add(practice[FACT.commissionerCode] ?? NONE);
    byContractType.add(practice[FACT.contractType] ?? NONE);
    byHolderKind.add(practice[FACT.holderKind] ?? NONE);
    if (trust !== null) byTrust.add(trust);
    for (const federation of federations) byFederation.add(federation);
    if (federations.length > 0) inFederation++;
    if (pcn !== null) {
      inPcn++;
      pcns.add(pcn);
    }
    partners += practice[FACT.partnerCount];
    salaried += practice[FACT.salariedCount];
    if (practice[FACT.singleHanded]) singleHanded++;
    if (practice[FACT.withoutPartners]) withoutPartners++;
    registeredPatients += patients;
    const providerId = practice[FACT.providerId];
    if (providerId !== null) {
      // Kind and id together name a provider: a trust and a company may share an id.
      const kind = practice[FACT.providerKind] ?? NONE;
      let ofKind = providerPatients.get(kind);
      if (!ofKind) providerPatients.set(kind, (ofKind = new Map()));
      ofKind.set(providerId, (ofKind.get(providerId) ?? 0) + patients);
    }
  }

  const gps = partners + salaried;
  return {
    practices: { open: practices.length },
    byCommissioner: byCommissioner.sorted(),
    byContractType: byContractType.sorted(),
    byHolderKind: byHolderKind.sorted(),
    gps: { partners, salaried, salariedShare: gps === 0 ? 0 : Math.round((salaried / gps) * 10_000) / 10_000 },
    singleHanded,
    withoutPartners,
    subcontracted: { total: byTrust.total, byTrust: byTrust.sorted() },
    federations: { practicesInFederation: inFederation, byFederation: byFederation.sorted() },
    pcns: { practicesInPcn: inPcn, pcns: pcns.size },
    registeredPatients,
    providers: {
      total: [...providerPatients.values()].reduce((total, ofKind) => total + ofKind.size, 0),
      byPopulationBand: bandTotals(
        [...providerPatients.values()].flatMap((ofKind) => [...ofKind.values()]),
        bands,
      ),
    },
  };
}

type BandTotals = LandscapeFigures['providers']['byPopulationBand'];

function bandTotals(populations: Iterable<number>, bands: readonly PopulationBand[]): BandTotals {
  const totals = bands.map((band) => ({ min: band.min, max: band.max, providers: 0, registeredPatients: 0 }));
  for (const population of populations) {
    const band = totals.find((total) => population >= total.min && (total.max === null || population < total.max));
    if (band) {
      band.providers++;
      band.registeredPatients += population;
    }
  }
  return totals;
}

class Counter {
  private readonly counts = new Map<string, number>();
  total = 0;

  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total++;
  }

  sorted(): Record<string, number> {
    const keys = [...this.counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(keys.map((key) => [key, this.counts.get(key)!]));
  }
}
