import {
  PracticeVersionsProjector,
  PRACTICE_VERSIONS_PROJECTION_VERSION,
  PRACTICE_VERSIONS_TABLE,
  readCheckpoint,
  rebuildProjections,
} from '#landscape';
import type { Runtime } from '#runtime';
import { say } from '../progress.js';
import { perSecond } from '../stats.js';

export interface RebuildMeasurement {
  readonly eventsApplied: number;
  readonly durationMs: number;
  readonly eventsPerSec: number | null;
}

/** A full rebuild of the landscape projection from the whole log (into a shadow table, then switched in). */
export async function measureRebuild(runtime: Runtime, label: string): Promise<RebuildMeasurement> {
  let lastReport = 0;
  const result = await rebuildProjections(runtime.eventStore, runtime.database.pool, {
    onProgress: (progress) => {
      if (progress.eventsApplied - lastReport < 250_000) return;
      lastReport = progress.eventsApplied;
      say(`${label}: ${progress.eventsApplied} events applied (${progress.phase})`);
    },
  });
  const eventsPerSec = perSecond(result.eventsApplied, result.durationMs);
  say(`${label}: ${result.eventsApplied} events in ${(result.durationMs / 1000).toFixed(1)} s = ${Math.round(eventsPerSec ?? 0)} events/s`);
  return { ...result, eventsPerSec };
}

/**
 * Makes the live projection apply the whole log before the API parts: a rebuild when it was never built or was built
 * by another projection version, otherwise the projector catching up (a previous run stopped before its last writes
 * were projected). Neither is measured.
 */
export async function prepareProjection(runtime: Runtime): Promise<void> {
  const checkpoint = await readCheckpoint(runtime.database.pool, PRACTICE_VERSIONS_TABLE);
  if (checkpoint.cursor === null || checkpoint.projectionVersion !== PRACTICE_VERSIONS_PROJECTION_VERSION) {
    say('national: no projection of the current version; rebuilding it before starting the API (not a measured part)');
    await measureRebuild(runtime, 'preparing projection');
    return;
  }
  const projector = new PracticeVersionsProjector(runtime.eventStore, runtime.database.pool, { table: PRACTICE_VERSIONS_TABLE, batchSize: 5_000 });
  const applied = await projector.catchUp();
  if (applied > 0) say(`national: the projection caught up with ${applied} events written by an earlier run (not measured)`);
}
