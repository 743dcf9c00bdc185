import type pg from 'pg';
import { sharesOneSession } from '#platform';
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

/** The changes (`ctes`: trendChangesCtes) and the providers' practices believed at K, as arrays to write back. */
const changesSql = (ctes: string) => `
  WITH ${ctes},
  changes AS (
    SELECT array_agg(figure) AS figures, array_agg(key) AS keys, array_agg(valid_on::text) AS dates, array_agg(delta::text) AS deltas
      FROM trend_changes),
  practices AS (
    SELECT array_agg(provider_kind) AS kinds, array_agg(provider_id) AS ids, array_agg(ods_code) AS codes
      FROM (SELECT DISTINCT provider_kind, provider_id, ods_code FROM signed WHERE sign > 0 AND provider_id IS NOT NULL) p)
  SELECT * FROM changes, practices`;

interface Changes {
  figures: string[] | null;
  keys: string[] | null;
  dates: string[] | null;
  deltas: string[] | null;
  kinds: string[] | null;
  ids: string[] | null;
  codes: string[] | null;
}

const MERGE_DELTAS_SQL = `
  INSERT INTO ${TREND_DELTAS} AS d (figure, key, valid_on, delta)
  SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::bigint[])
  ON CONFLICT (figure, key, valid_on) DO UPDATE SET delta = d.delta + excluded.delta`;

const REMEMBER_PRACTICES_SQL = `
  INSERT INTO ${TREND_PROVIDER_PRACTICES} (provider_kind, provider_id, ods_code)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
  ON CONFLICT DO NOTHING`;

const READ_SETTINGS = [`SET LOCAL statement_timeout = 0`, `SET LOCAL work_mem = '256MB'`, `SET LOCAL jit = off`];

/** The belief before anything was recorded (as knownAt is clamped while there is no horizon): the empty model's. */
const NOTHING_RECORDED = '1970-01-01T00:00:00.000Z';

/** $1: K, $2: band bounds, $3: F. */
const FOLD_SQL = changesSql(trendChangesCtes({ foldedThrough: '$3::timestamptz', knownAt: '$1::timestamptz', bandMins: '$2::bigint[]' }));
/** The same from nothing: the whole model of the belief at K (an empty model, just after a migration or a rebuild). */
const DERIVE_SQL = changesSql(trendChangesCtes({ foldedThrough: null, knownAt: '$1::timestamptz', bandMins: '$2::bigint[]' }));

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
  /**
   * Stops the fold: the statement in progress is cancelled on a server (deriving the national model took 8-32 s on
   * the machines seen), and a fold stopped before its write commits rejects, having written nothing.
   */
  readonly signal?: AbortSignal;
}

/**
 * Folds what the register came to believe since the model's instant into the national trend's model, up to the
 * projection's stable horizon (milliseconds, as reads state knownAt), off the projector's step: the changes are read in
 * a read-only snapshot and written in a short transaction that checks the model has not moved (another folder's work
 * wins; this one's is dropped).
 */
export async function foldTrend(pool: pg.Pool, options: FoldOptions = {}): Promise<FoldOutcome> {
  const started = performance.now();
  options.signal?.throwIfAborted();
  const client = await pool.connect();
  let cancel: CancelOnAbort | null = null;
  try {
    // Read-only, so it takes no transaction id: the log's readers (the projector among them) read up to the oldest
    // transaction in progress, and a fold holding one would hold every write's visibility back for as long as it runs.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const sql of READ_SETTINGS) await client.query(sql);
    const { rows } = await client.query<{ folded_through: string | null; band_mins: string[]; horizon: string | null }>(
      `SELECT ${isoInstantSql('f.folded_through')} AS folded_through, f.band_mins,
              ${isoInstantSql("date_trunc('milliseconds', c.stable_horizon)")} AS horizon
         FROM ${TREND_FOLD} f LEFT JOIN ${qualified(CHECKPOINTS_TABLE)} c ON c.name = f.name
        WHERE f.name = $1`,
      [PRACTICE_VERSIONS_TABLE],
    );
    const fold = rows[0];
    if (!fold?.horizon || fold.horizon === fold.folded_through) {
      await client.query('ROLLBACK');
      return { folded: false, reason: !fold?.horizon ? 'no-horizon' : 'up-to-date' };
    }
    const bound =
      options.maxVersions === undefined
        ? null
        : ((await client.query<{ bound: string }>(BOUND_SQL, [fold.folded_through, options.maxVersions, fold.horizon])).rows[0]?.bound ?? null);
    const through = bound ?? fold.horizon;
    options.signal?.throwIfAborted();
    // Only a fold with work to do gets ready to be cancelled: most find the model up to date and pay nothing for it.
    if (options.signal) cancel = await cancelOnAbort(pool, client, options.signal);
    const { rows: computed } =
      fold.folded_through === null && bound === null
        ? await client.query<Changes>(DERIVE_SQL, [through, fold.band_mins])
        : await client.query<Changes>(FOLD_SQL, [through, fold.band_mins, fold.folded_through ?? NOTHING_RECORDED]);
    await client.query('COMMIT');
    const changes = computed[0];

    // A short transaction writes them, if no other folder moved the model meanwhile. Derivable from the versions at
    // any time, so its commit need not wait for the WAL flush.
    options.signal?.throwIfAborted();
    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit = off');
    const locked = await client.query<{ folded_through: string | null }>(
      `SELECT ${isoInstantSql('folded_through')} AS folded_through FROM ${TREND_FOLD} WHERE name = $1 FOR UPDATE`,
      [PRACTICE_VERSIONS_TABLE],
    );
    if (locked.rows[0]?.folded_through !== fold.folded_through) {
      await client.query('ROLLBACK');
      return { folded: false, reason: 'folding-elsewhere' };
    }
    await client.query(MERGE_DELTAS_SQL, [changes.figures ?? [], changes.keys ?? [], changes.dates ?? [], changes.deltas ?? []]);
    await client.query(REMEMBER_PRACTICES_SQL, [changes.kinds ?? [], changes.ids ?? [], changes.codes ?? []]);
    await client.query(`DELETE FROM ${TREND_DELTAS} WHERE delta = 0`);
    await client.query(`UPDATE ${TREND_FOLD} SET folded_through = $2, updated_at = now() WHERE name = $1`, [PRACTICE_VERSIONS_TABLE, through]);
    await client.query('COMMIT');
    const count = changes.figures?.length ?? 0;
    return { folded: true, through, caughtUp: bound === null, changes: count, durationMs: performance.now() - started };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    // A client whose backend was sent a cancel is closed, not pooled: the cancel may have landed on its ROLLBACK.
    const cancelled = (await cancel?.stop()) ?? false;
    client.release(cancelled);
  }
}

interface CancelOnAbort {
  /** Stops listening; true when a cancel was sent (and has been answered). */
  stop(): Promise<boolean>;
}

/**
 * On abort, cancels whatever the client's backend is running (from another connection: pg_cancel_backend). Not on the
 * embedded database, whose one session runs the cancel only after the fold (its folds are bounded instead).
 */
async function cancelOnAbort(pool: pg.Pool, client: pg.PoolClient, signal: AbortSignal): Promise<CancelOnAbort | null> {
  if (sharesOneSession(pool)) return null;
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  let cancelling: Promise<unknown> | null = null;
  const onAbort = () => {
    cancelling = pool.query('SELECT pg_cancel_backend($1)', [rows[0].pid]).catch(() => undefined);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  return {
    async stop() {
      signal.removeEventListener('abort', onAbort);
      if (cancelling === null) return false;
      await cancelling;
      return true;
    },
  };
}

/** Forgets the model (a rebuilt versions table has been switched in): the folder derives it again. */
export const RESET_TREND_SQL = [
  `TRUNCATE ${TREND_DELTAS}, ${TREND_PROVIDER_PRACTICES}`,
  `UPDATE ${TREND_FOLD} SET folded_through = NULL, updated_at = now()`,
];
