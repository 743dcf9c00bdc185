import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  PracticeVersionsProjector,
  PRACTICE_VERSIONS_PROJECTION_VERSION,
  PRACTICE_VERSIONS_TABLE,
  readCheckpoint,
  type RebuildResult,
} from '#landscape';
import type { Runtime } from '#runtime';
import { deployableEnv } from '../api/child-service.js';
import { deployedNodeFlags } from '../api/deployed-node-flags.js';
import { say } from '../progress.js';
import { perSecond } from '../stats.js';

const CLI_SCRIPT = 'dist/apps/cli/src/main.js';

export interface RebuildMeasurement {
  readonly eventsApplied: number;
  readonly durationMs: number;
  readonly eventsPerSec: number | null;
}

/** Where the rebuild runs: the bench database on the server, or the embedded database in `dataDir` when url is null. */
export interface RebuildTarget {
  readonly databaseUrl: string | null;
  readonly dataDir?: string;
}

/**
 * A full rebuild of the landscape projection from the whole log (into a shadow table, then switched in) as an operator
 * runs it: the CLI's `rebuild-projections --json` in a child process, started with the Node flags of `npm run cli`.
 * The figure is the command's own: events applied over its time from the shadow table's creation to the switch-over.
 */
export async function measureRebuild(target: RebuildTarget, label: string): Promise<RebuildMeasurement> {
  say(`${label}: rebuild-projections in a child process (npm run cli)`);
  const args = [...deployedNodeFlags('cli', CLI_SCRIPT), join(process.cwd(), CLI_SCRIPT), 'rebuild-projections', '--json'];
  const env = deployableEnv(target.databaseUrl, target.dataDir, { LOG_LEVEL: 'warn' });
  const { stdout } = await promisify(execFile)(process.execPath, args, { env, maxBuffer: 1024 * 1024 }).catch(
    (error: Error & { stderr?: string }) => {
      throw new Error(`rebuild-projections failed: ${error.stderr?.trim() || error.message}`);
    },
  );
  const result = JSON.parse(stdout) as RebuildResult;
  const eventsPerSec = perSecond(result.eventsApplied, result.durationMs);
  say(`${label}: ${result.eventsApplied} events in ${(result.durationMs / 1000).toFixed(1)} s = ${Math.round(eventsPerSec ?? 0)} events/s`);
  return { eventsApplied: result.eventsApplied, durationMs: result.durationMs, eventsPerSec };
}

/**
 * Makes the live projection apply the whole log before the API parts: a rebuild when it was never built or was built
 * by another projection version, otherwise the projector catching up (a previous run stopped before its last writes
 * were projected). Neither is measured.
 */
export async function prepareProjection(runtime: Runtime, target: RebuildTarget): Promise<void> {
  const checkpoint = await readCheckpoint(runtime.database.pool, PRACTICE_VERSIONS_TABLE);
  if (checkpoint.cursor === null || checkpoint.projectionVersion !== PRACTICE_VERSIONS_PROJECTION_VERSION) {
    say('national: no projection of the current version; rebuilding it before starting the API (not a measured part)');
    await measureRebuild(target, 'preparing projection');
    return;
  }
  const projector = new PracticeVersionsProjector(runtime.eventStore, runtime.database.pool, { table: PRACTICE_VERSIONS_TABLE, batchSize: 5_000 });
  const applied = await projector.catchUp();
  if (applied > 0) say(`national: the projection caught up with ${applied} events written by an earlier run (not measured)`);
}
