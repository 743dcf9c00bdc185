import type { PopulationBand } from '../get-landscape-summary/population-bands.js';
import type { TrendPoint } from './get-landscape-trend.query.js';

/** The trend statement's aggregates (see landscape-trend.sql.ts); `point` is a 0-based position among the dates. */
export interface TrendAggregates {
  readonly totals: readonly TrendTotals[] | null;
  readonly by_contract_type: readonly [point: number, contractType: string, practices: number][] | null;
  readonly by_trust: readonly [point: number, trustCode: string, practices: number][] | null;
  readonly by_band: readonly [point: number, band: number, providers: number, registeredPatients: number][] | null;
}

export type TrendTotals = [
  point: number,
  open: number,
  partners: number,
  salaried: number,
  subcontracted: number,
  inFederation: number,
  inPcn: number,
  singleHanded: number,
  withoutPartners: number,
  registeredPatients: number,
];

/** One point per date, every figure as the summary states it (count maps keyed in code order, zeros where nothing). */
export function trendPoints(dates: readonly string[], bands: readonly PopulationBand[], rows: TrendAggregates): TrendPoint[] {
  const totals = new Map((rows.totals ?? []).map((row) => [row[0], row]));
  const byContractType = countsByPoint(rows.by_contract_type);
  const byTrust = countsByPoint(rows.by_trust);
  const byBand = new Map<number, { providers: number; registeredPatients: number }[]>();
  for (const [point, band, providers, registeredPatients] of rows.by_band ?? []) {
    let perBand = byBand.get(point);
    if (!perBand) byBand.set(point, (perBand = bands.map(() => ({ providers: 0, registeredPatients: 0 }))));
    perBand[band] = { providers, registeredPatients };
  }

  return dates.map((asOf, point) => {
    const [, open, partners, salaried, subcontracted, inFederation, inPcn, singleHanded, withoutPartners, registeredPatients] = totals.get(point) ?? [
      point,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    ];
    const gps = partners + salaried;
    const perBand = byBand.get(point);
    return {
      asOf,
      practices: { open },
      byContractType: sortedCounts(byContractType.get(point)),
      gps: { partners, salaried, salariedShare: gps === 0 ? 0 : Math.round((salaried / gps) * 10_000) / 10_000 },
      subcontracted: { total: subcontracted, byTrust: sortedCounts(byTrust.get(point)) },
      federations: { practicesInFederation: inFederation },
      pcns: { practicesInPcn: inPcn },
      singleHanded,
      withoutPartners,
      registeredPatients,
      providers: {
        total: perBand?.reduce((total, band) => total + band.providers, 0) ?? 0,
        byPopulationBand: bands.map((band, index) => ({
          min: band.min,
          max: band.max,
          ...(perBand?.[index] ?? { providers: 0, registeredPatients: 0 }),
        })),
      },
    };
  });
}

function countsByPoint(rows: readonly (readonly [number, string, number])[] | null): Map<number, [string, number][]> {
  const byPoint = new Map<number, [string, number][]>();
  for (const [point, key, count] of rows ?? []) {
    let counts = byPoint.get(point);
    if (!counts) byPoint.set(point, (counts = []));
    counts.push([key, count]);
  }
  return byPoint;
}

/** Keys in code order, as the summary's counts (plain comparison, not locale). */
function sortedCounts(counts: [string, number][] | undefined): Record<string, number> {
  if (!counts) return {};
  return Object.fromEntries(counts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
