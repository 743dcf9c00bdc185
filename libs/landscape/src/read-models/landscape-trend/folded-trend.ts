import type pg from 'pg';
import { clampedKnownAtSql, isoInstantSql } from '../../application/shared/read-time.sql.js';
import { CHECKPOINTS_TABLE, PRACTICE_VERSIONS_TABLE, qualified } from '../../schema/practice-versions.ddl.js';
import { TREND_DELTAS, TREND_FOLD, trendChangesCtes } from './trend-changes.sql.js';

const KEPT_UP_WITHIN = '1 minute';

/** A figure's (and key's) change at the first point it counts at: [figure, key, point, delta]. */
export type PointChange = readonly [figure: string, key: string, point: number, delta: number];

/**
 * The model answers when it holds the requested bands, was folded at or before the knownAt, and is kept up: folded
 * within a minute of the horizon (every few seconds while the folder runs). Otherwise (being derived after a rebuild or
 * a bulk load, its folder stopped) the changes since would cost more to read than the versions themselves.
 */
const FOLD_STATE_SQL = `
  SELECT ${isoInstantSql('t.known_at')} AS known_at, ${isoInstantSql('f.folded_through')} AS folded_through,
         f.band_mins = $2::bigint[] AND f.folded_through <= t.known_at AND f.folded_through >= c.stable_horizon - interval '${KEPT_UP_WITHIN}'
           AS usable
    FROM (SELECT ${clampedKnownAtSql('$1')} AS known_at) t
    LEFT JOIN ${TREND_FOLD} f ON f.name = '${PRACTICE_VERSIONS_TABLE}'
    LEFT JOIN ${qualified(CHECKPOINTS_TABLE)} c ON c.name = f.name`;

/**
 * The model's changes and those since it was folded, bucketed by the first of the dates ($1) each counts at. `current`
 * is false when the model was folded again after the first statement read its instant (the caller asks again).
 */
const FOLDED_TREND_SQL = `
  WITH ${trendChangesCtes({ foldedThrough: '$2::timestamptz', knownAt: '$3::timestamptz', bandMins: '$4::bigint[]' })},
  everything AS (
    SELECT figure, key, valid_on, delta FROM ${TREND_DELTAS}
    UNION ALL
    SELECT figure, key, valid_on, delta FROM trend_changes)
  SELECT EXISTS (SELECT FROM ${TREND_FOLD} WHERE name = '${PRACTICE_VERSIONS_TABLE}' AND folded_through = $2::timestamptz) AS current,
    (SELECT json_agg(json_build_array(figure, key, point, delta))
       FROM (SELECT figure, key, width_bucket(valid_on - 1, $1::date[]) AS point, sum(delta)::bigint AS delta
               FROM everything WHERE valid_on <= ($1::date[])[cardinality($1::date[])]
              GROUP BY 1, 2, 3) c) AS changes`;

const ATTEMPTS = 3;

/**
 * The national trend read from its model (read-models/landscape-trend) and corrected by what was recorded after the
 * model's instant, or null where the model cannot answer: not folded (or kept up) yet, other bands than its own, or a
 * knownAt before its instant (the caller then reads the versions themselves).
 */
export async function readFoldedTrend(
  pool: pg.Pool,
  dates: readonly string[],
  requestedKnownAt: string,
  bandMins: readonly number[],
): Promise<{ knownAt: string; changes: readonly PointChange[] } | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const state = (
      await pool.query<{ known_at: string; folded_through: string | null; usable: boolean | null }>(FOLD_STATE_SQL, [requestedKnownAt, bandMins])
    ).rows[0];
    if (!state.usable || state.folded_through === null) return null;
    const { rows } = await pool.query<{ current: boolean; changes: PointChange[] | null }>(FOLDED_TREND_SQL, [
      dates,
      state.folded_through,
      state.known_at,
      bandMins,
    ]);
    if (rows[0].current) return { knownAt: state.known_at, changes: rows[0].changes ?? [] };
  }
  return null;
}
