import { PRACTICE_VERSIONS_PROJECTION_VERSION, PRACTICE_VERSIONS_TABLE, readCheckpoint, rebuildProjections } from '#landscape';
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

/** True when the live projection has applied the whole log with the current projection version. */
export async function projectionIsCurrent(runtime: Runtime): Promise<boolean> {
  const checkpoint = await readCheckpoint(runtime.database.pool, PRACTICE_VERSIONS_TABLE);
  if (checkpoint.projectionVersion !== PRACTICE_VERSIONS_PROJECTION_VERSION) return false;
  const next = await runtime.eventStore.readAll(checkpoint.cursor, 1);
  return next.events.length === 0;
}
