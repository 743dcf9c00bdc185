import type pg from 'pg';
import type { EventStore } from '#event-store';
import { BULK_LOADS } from '#platform';
import { StreamPrefixCache } from '#practices';
import { bulkPageEvents } from '../projector/apply-bulk-step.js';
import { PracticeVersionsProjector } from '../projector/practice-versions.projector.js';
import { readCheckpoint, type Checkpoint } from '../projector/checkpoint-store.js';
import { rebuildProjections } from '../rebuild/rebuild-projections.js';
import { RebuildInProgressError } from '../rebuild/rebuild-lock.js';
import { PRACTICE_VERSIONS_TABLE } from '../schema/practice-versions.ddl.js';
import type { CatchUpProgress } from './catch-up-progress.js';

/** A backlog past this is a bulk load (an import, a seeded history, a restore), not live writes: pages, not steps. */
export const FAR_BEHIND_EVENTS = 20_000;
/**
 * Histories held while catching up inside a service, whose old generation is capped (256 MB in `npm start`): about a
 * hundred practices' streams. A log written practice by practice (imported, seeded) re-reads few streams at this size,
 * and one interleaving every practice misses at any size a service can hold; more only makes each full GC slower.
 */
const CATCH_UP_CACHED_EVENTS = 20_000;

/** 'elsewhere': another process is rebuilding this database's projection; wait for its switch-over. */
export type CatchUpOutcome = 'not-needed' | 'ran' | 'elsewhere';

/**
 * What the live projector does when it finds itself far behind the log. When the backlog is larger than what the
 * live table already holds, it rebuilds beside it exactly as `rebuild-projections` does (pages loaded by COPY, read
 * indexes built after the load, then switched in), reads meanwhile answering from the live table at its knownAt;
 * otherwise it applies the backlog onto the live table in rebuild-sized pages. Either way, near the head the caller
 * goes back to small steps.
 */
export async function catchUpIfFarBehind(
  store: EventStore,
  pool: pg.Pool,
  progress: CatchUpProgress,
  signal: AbortSignal,
  onAdvance: (committed: Checkpoint | null) => void,
  farBehindEvents = FAR_BEHIND_EVENTS,
): Promise<CatchUpOutcome> {
  const checkpoint = await readCheckpoint(pool, PRACTICE_VERSIONS_TABLE);
  if (!(await store.backlog(checkpoint.cursor, farBehindEvents)).atLeast) return 'not-needed';
  return BULK_LOADS.during(() => catchUp(store, pool, progress, signal, onAdvance, checkpoint));
}

async function catchUp(
  store: EventStore,
  pool: pg.Pool,
  progress: CatchUpProgress,
  signal: AbortSignal,
  onAdvance: (committed: Checkpoint | null) => void,
  checkpoint: Checkpoint,
): Promise<CatchUpOutcome> {
  const { events: backlog } = await store.backlog(checkpoint.cursor, Number.MAX_SAFE_INTEGER);
  try {
    if (checkpoint.eventsApplied < backlog) {
      progress.begin('rebuild', checkpoint.eventsApplied + backlog);
      const result = await rebuildProjections(store, pool, {
        cachedEvents: CATCH_UP_CACHED_EVENTS,
        signal,
        onProgress: ({ eventsApplied }) => progress.applied(eventsApplied),
      });
      if (result.switched) onAdvance(null); // readers waiting for a position read the switched-in checkpoint
    } else {
      progress.begin('bulk', backlog);
      const projector = new PracticeVersionsProjector(store, pool, {
        table: PRACTICE_VERSIONS_TABLE,
        batchSize: bulkPageEvents(pool),
        histories: new StreamPrefixCache(CATCH_UP_CACHED_EVENTS),
      });
      let applied = 0;
      await projector.catchUp((step) => {
        progress.applied((applied += step.applied));
        onAdvance(projector.committed);
      }, signal);
    }
    return 'ran';
  } catch (error) {
    if (error instanceof RebuildInProgressError) return 'elsewhere';
    throw error;
  } finally {
    progress.end();
  }
}
