import type { Totals, TrendAggregates } from './trend-points.js';

/** One row of the national trend statement: a figure's (and key's) total change at a date position. */
export type TrendChange = readonly [figure: string, key: string, point: number, delta: number | string];

/** The totals' figures in the order of TrendAggregates['totals'] after the point. */
const TOTALS = [
  'open',
  'partners',
  'salaried',
  'subcontracted',
  'in_federation',
  'in_pcn',
  'single_handed',
  'without_partners',
  'registered_patients',
] as const;

/**
 * The aggregates the statement over the versions would give, from the read model's changes: each figure's running
 * total over the date positions. Keyed counts and bands appear only where not zero, as in the summary.
 */
export function aggregatesFromChanges(points: number, changes: readonly TrendChange[] | null): TrendAggregates {
  const running = new Map<string, Map<string, number[]>>();
  for (const [figure, key, point, delta] of changes ?? []) {
    let keys = running.get(figure);
    if (!keys) running.set(figure, (keys = new Map()));
    let series = keys.get(key);
    if (!series) keys.set(key, (series = new Array<number>(points).fill(0)));
    series[point] += Number(delta);
  }
  for (const keys of running.values()) {
    for (const series of keys.values()) for (let point = 1; point < points; point++) series[point] += series[point - 1];
  }

  const valueOf = (figure: string, key: string, point: number) => running.get(figure)?.get(key)?.[point] ?? 0;
  const nonZero = (figure: string): [number, string, number][] =>
    [...(running.get(figure) ?? [])].flatMap(([key, series]) =>
      series.flatMap((value, point) => (value === 0 ? [] : [[point, key, value] as [number, string, number]])),
    );
  return {
    totals: Array.from({ length: points }, (_, point) => [point, ...TOTALS.map((figure) => valueOf(figure, '', point))] as Totals),
    by_contract_type: nonZero('contract_type'),
    by_trust: nonZero('trust'),
    by_band: nonZero('band_providers').map(([point, band, providers]) => [point, Number(band), providers, valueOf('band_patients', band, point)]),
  };
}
