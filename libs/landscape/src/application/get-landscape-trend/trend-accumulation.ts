import type { PointChange } from '../../read-models/landscape-trend/folded-trend.js';
import type { TrendAggregates, TrendTotals } from './trend-points.js';

/**
 * The trend model's changes (each at the first point it counts at) added up point by point into the aggregates the
 * versions scan gives (landscape-trend.sql.ts): counts only where there are some, as a GROUP BY would give them.
 */
export function aggregatesFromChanges(points: number, changes: readonly PointChange[]): TrendAggregates {
  const series = new Map<string, number[]>();
  for (const [figure, key, point, delta] of changes) {
    const name = `${figure}\u0000${key}`;
    let values = series.get(name);
    if (!values) series.set(name, (values = new Array<number>(points).fill(0)));
    values[point] += delta;
  }
  for (const values of series.values()) for (let point = 1; point < points; point++) values[point] += values[point - 1];

  const at = (figure: string, key: string, point: number) => series.get(`${figure}\u0000${key}`)?.[point] ?? 0;
  const keysOf = (figure: string) =>
    [...series.keys()].filter((name) => name.startsWith(`${figure}\u0000`)).map((name) => name.slice(figure.length + 1));
  const counted = (figure: string): [number, string, number][] =>
    range(points).flatMap((point) =>
      keysOf(figure).flatMap((key): [number, string, number][] => (at(figure, key, point) > 0 ? [[point, key, at(figure, key, point)]] : [])),
    );

  return {
    totals: range(points).map((point): TrendTotals => [
      point,
      at('open', '', point),
      at('partners', '', point),
      at('salaried', '', point),
      at('subcontracted', '', point),
      at('in_federation', '', point),
      at('in_pcn', '', point),
      at('single_handed', '', point),
      at('without_partners', '', point),
      at('registered_patients', '', point),
    ]),
    by_contract_type: counted('contract_type'),
    by_trust: counted('trust'),
    by_band: range(points).flatMap((point) =>
      keysOf('band_providers').flatMap((band): [number, number, number, number][] =>
        at('band_providers', band, point) > 0 ? [[point, Number(band), at('band_providers', band, point), at('band_population', band, point)]] : [],
      ),
    ),
  };
}

const range = (n: number) => Array.from({ length: n }, (_, index) => index);
