import type pg from 'pg';
import { isoInstantSql } from '../../application/shared/read-time.sql.js';
import { CHECKPOINTS_TABLE, PRACTICE_VERSIONS, PRACTICE_VERSIONS_TABLE, qualified } from '../../schema/practice-versions.ddl.js';
import { LAST_RECORDED_SQL, TREND_DELTAS, TREND_FOLD, TREND_PROVIDER_PRACTICES, trendChangesCtes } from './trend-changes.sql.js';

export type FoldOutcome =
  | {
      readonly folded: true;
      readonly through: string;
      /** False when a bounded fold stopped short of the horizon: fold again. */
      readonly caughtUp: boolean;
      readonly changes: number;
      readonly durationMs: number;
    }
  | { readonly folded: false; readonly reason: 'up-to-date' | 'no-horizon' | 'folding-elsewhere' };

/** Merges the changes (`ctes`: trendChangesCtes) into the model and remembers the providers' practices believed at K. */
const mergeSql = (ctes: string) => `
  WITH ${ctes},
  remembered AS (
    INSERT INTO ${TREND_PROVIDER_PRACTICES} (provider_kind, provider_id, ods_code)
    SELECT DISTINCT provider_kind, provider_id, ods_code FROM signed WHERE sign > 0 AND provider_id IS NOT NULL
    ON CONFLICT DO NOTHING RETURNING 1),
  merged AS (
    INSERT INTO ${TREND_DELTAS} AS d (figure, key, valid_on, delta) SELECT figure, key, valid_on, delta FROM trend_changes
    ON CONFLICT (figure, key, valid_on) DO UPDATE SET delta = d.delta + excluded.delta RETURNING 1)
  SELECT (SELECT count(*) FROM merged)::int AS changes, (SELECT count(*) FROM remembered)::int AS practices`;

const FOLD_SETTINGS = [
  `SET LOCAL synchronous_commit = off`,
  `SET LOCAL statement_timeout = 0`,
  `SET LOCAL work_mem = '256MB'`,
  `SET LOCAL jit = off`,
];

/** The belief before anything was recorded (as knownAt is clamped while there is no horizon): the empty model's. */
const NOTHING_RECORDED = '1970-01-01T00:00:00.000Z';

/** $1: K, $2: band bounds, $3: F. */
const FOLD_SQL = mergeSql(trendChangesCtes({ foldedThrough: '$3::timestamptz', knownAt: '$1::timestamptz', bandMins: '$2::bigint[]' }));
/** The same from nothing: the whole model of the belief at K (an empty model, just after a migration or a rebuild). */
const DERIVE_SQL = mergeSql(trendChangesCtes({ foldedThrough: null, knownAt: '$1::timestamptz', bandMins: '$2::bigint[]' }));

/**
 * The instant a bounded fold stops at: past about `maxVersions` versions that changed after F (whole milliseconds, so past F
 * however many changed within one), or null when the horizon comes first. Nothing is recorded before the epoch.
 */
const BOUND_SQL = `
  SELECT ${isoInstantSql(`(date_trunc('milliseconds', last) + interval '1 millisecond')`)} AS bound
    FROM (SELECT ${LAST_RECORDED_SQL} AS last FROM ${PRACTICE_VERSIONS}
           WHERE ${LAST_RECORDED_SQL} > coalesce($1::timestamptz, 'epoch') ORDER BY 1 OFFSET $2 LIMIT 1) next
   WHERE date_trunc('milliseconds', last) + interval '1 millisecond' < $3::timestamptz`;

export interface FoldOptions {
  /** Fold at most about this many changed versions in one transaction (the embedded database's one session is shared). */
  readonly maxVersions?: number;
}

/**
 * Folds what the register came to believe since the model's instant into the national trend's model, up to the
 * projection's stable horizon (milliseconds, as reads state knownAt), in a transaction of its own: off the projector's
 * step, so a write's visibility never waits for it. One folder at a time (the model's row lock; a second one skips).
 */
export async function foldTrend(pool: pg.Pool, options: FoldOptions = {}): Promise<FoldOutcome> {
  const started = performance.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ folded_through: string | null; band_mins: string[]; horizon: string | null }>(
      `SELECT ${isoInstantSql('f.folded_through')} AS folded_through, f.band_mins,
              ${isoInstantSql("date_trunc('milliseconds', c.stable_horizon)")} AS horizon
         FROM ${TREND_FOLD} f LEFT JOIN ${qualified(CHECKPOINTS_TABLE)} c ON c.name = f.name
        WHERE f.name = $1 FOR UPDATE OF f SKIP LOCKED`,
      [PRACTICE_VERSIONS_TABLE],
    );
    const fold = rows[0];
    const outcome = !fold ? 'folding-elsewhere' : fold.horizon === null ? 'no-horizon' : fold.horizon === fold.folded_through ? 'up-to-date' : null;
    if (outcome !== null || !fold?.horizon) {
      await client.query('ROLLBACK');
      return { folded: false, reason: outcome ?? 'no-horizon' };
    }
    // Derivable from the versions at any time: its commit need not wait for the WAL flush. Derived from nothing it
    // reads every version once (seconds, nationally): no statement limit, room to sort in memory, no JIT to compile.
    for (const sql of FOLD_SETTINGS) await client.query(sql);
    const bound =
      options.maxVersions === undefined
        ? null
        : ((await client.query<{ bound: string }>(BOUND_SQL, [fold.folded_through, options.maxVersions, fold.horizon])).rows[0]?.bound ?? null);
    const through = bound ?? fold.horizon;
    const folded =
      fold.folded_through === null && bound === null
        ? await client.query<{ changes: number }>(DERIVE_SQL, [through, fold.band_mins])
        : await client.query<{ changes: number }>(FOLD_SQL, [through, fold.band_mins, fold.folded_through ?? NOTHING_RECORDED]);
    await client.query(`DELETE FROM ${TREND_DELTAS} WHERE delta = 0`);
    await client.query(`UPDATE ${TREND_FOLD} SET folded_through = $2, updated_at = now() WHERE name = $1`, [PRACTICE_VERSIONS_TABLE, through]);
    await client.query('COMMIT');
    return { folded: true, through, caughtUp: bound === null, changes: folded.rows[0].changes, durationMs: performance.now() - started };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Forgets the model (a rebuilt versions table has been switched in): the folder derives it again. */
export const RESET_TREND_SQL = [
  `TRUNCATE ${TREND_DELTAS}, ${TREND_PROVIDER_PRACTICES}`,
  `UPDATE ${TREND_FOLD} SET folded_through = NULL, updated_at = now()`,
];
