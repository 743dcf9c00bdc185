import type pg from 'pg';
import type { EventStore } from '#event-store';
import { sharesOneSession } from '#platform';
import { StreamPrefixCache } from '#practices';
import { bulkPageEvents } from '../projector/apply-bulk-step.js';
import { PracticeVersionsProjector, type StepResult } from '../projector/practice-versions.projector.js';
import {
  CHECKPOINTS_TABLE,
  PRACTICE_VERSIONS_SHADOW_TABLE,
  practiceVersionsAnalyzeSql,
  practiceVersionsReadIndexesSql,
  practiceVersionsTableSql,
  qualified,
} from '../schema/practice-versions.ddl.js';
import { withRebuildLock } from './rebuild-lock.js';
import { switchOver } from './switch-over.js';

export interface RebuildProgress {
  readonly phase: 'building' | 'catching-up' | 'switched';
  /** Events of the log applied to the shadow table so far. */
  readonly eventsApplied: number;
}

export interface RebuildOptions {
  /** Events per page (default bulkPageEvents: by database). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** How many times to catch up again when the live projection moved ahead during the build. */
  readonly maxSwitchAttempts?: number;
  /** Events of practice histories held in memory while rebuilding (default 1,000,000: a CLI's whole national log). */
  readonly cachedEvents?: number;
  /** Stops after the page in progress, leaving the shadow table for the next rebuild to start afresh. */
  readonly signal?: AbortSignal;
}

export interface RebuildResult {
  readonly eventsApplied: number;
  readonly switchAttempts: number;
  readonly durationMs: number;
  /** False when stopped by its signal before switching in. */
  readonly switched: boolean;
}

/**
 * Rebuilds the landscape projection from the whole log into a shadow table beside the live one, then switches it in
 * (see switch-over.ts). Live reads, and a live projector, carry on against the old table all along. A rebuild that is
 * interrupted leaves only the shadow table behind; the next rebuild starts it afresh. One runs at a time per database
 * (RebuildInProgressError).
 */
export function rebuildProjections(store: EventStore, pool: pg.Pool, options: RebuildOptions = {}): Promise<RebuildResult> {
  return withRebuildLock(pool, () => rebuild(store, pool, options));
}

async function rebuild(store: EventStore, pool: pg.Pool, options: RebuildOptions): Promise<RebuildResult> {
  const started = Date.now();
  const { signal } = options;
  await recreateShadow(pool);
  const projector = new PracticeVersionsProjector(store, pool, {
    table: PRACTICE_VERSIONS_SHADOW_TABLE,
    batchSize: options.batchSize ?? bulkPageEvents(pool),
    histories: new StreamPrefixCache(options.cachedEvents ?? 1_000_000),
  });
  let eventsApplied = 0;
  const report = (phase: RebuildProgress['phase']) => (step: StepResult) => {
    eventsApplied += step.applied;
    options.onProgress?.({ phase, eventsApplied });
  };
  await projector.catchUp(report('building'), signal);
  const stopped = () => ({ eventsApplied, switchAttempts: 0, durationMs: Date.now() - started, switched: false });
  if (signal?.aborted) return stopped();
  // Index-only scans need the visibility map, which freshly loaded rows lack. Vacuumed before the read indexes exist:
  // a vacuum's cleanup reads every GiST index whole.
  await pool.query(`VACUUM ${qualified(PRACTICE_VERSIONS_SHADOW_TABLE)}`);
  // Read indexes are cheaper built once over the loaded rows than maintained row by row. Each build is one backend's
  // work (the two large GiST ones, built by sorting their points, 7 and 10 s alone on the national history) and builds
  // on one table do not block each other, so they run side by side on a server's cores. The embedded database's one
  // session takes them one after another: queued at once, the last would wait past the pool's connection timeout.
  const indexes = practiceVersionsReadIndexesSql(PRACTICE_VERSIONS_SHADOW_TABLE);
  if (sharesOneSession(pool)) for (const sql of indexes) await pool.query(sql);
  else await Promise.all(indexes.map((sql) => pool.query(sql)));
  // Planner statistics, which freshly loaded rows lack too.
  for (const sql of practiceVersionsAnalyzeSql(PRACTICE_VERSIONS_SHADOW_TABLE)) await pool.query(sql);
  const maxAttempts = options.maxSwitchAttempts ?? 20;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const outcome = await switchOver(pool);
    if (outcome.switched) {
      options.onProgress?.({ phase: 'switched', eventsApplied });
      return { eventsApplied, switchAttempts: attempt, durationMs: Date.now() - started, switched: true };
    }
    await projector.catchUp(report('catching-up'), signal);
    if (signal?.aborted) return stopped();
  }
  throw new Error(`the live projection kept moving ahead of the rebuild; gave up switching after ${maxAttempts} attempts`);
}

async function recreateShadow(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`DROP TABLE IF EXISTS ${qualified(PRACTICE_VERSIONS_SHADOW_TABLE)}`);
    await client.query(`DELETE FROM ${qualified(CHECKPOINTS_TABLE)} WHERE name = $1`, [PRACTICE_VERSIONS_SHADOW_TABLE]);
    for (const sql of practiceVersionsTableSql(PRACTICE_VERSIONS_SHADOW_TABLE)) await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
