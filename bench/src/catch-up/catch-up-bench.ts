import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANDSCAPE_SCHEMA, PRACTICE_VERSIONS_TABLE } from '#landscape';
import type { Runtime } from '#runtime';
import { ApiProcess } from '../api/api-process.js';
import { KeepAliveClient } from '../api/http-client.js';
import { BENCH_CONFIG } from '../bench-config.js';
import { say } from '../progress.js';
import { perSecond } from '../stats.js';

export interface CatchUpMeasurement {
  readonly events: number;
  readonly durationMs: number;
  readonly eventsPerSec: number | null;
}

/** What /health says of a catch-up in progress (see CatchUpProgress). */
interface HealthCatchUp {
  readonly eventsBehind: number;
  readonly eventsApplied: number;
  readonly startedAt: string;
}

/** The embedded catch-up takes about 3 s: polled every 250 ms its duration read up to 8% long. */
const POLL_MS = 100;

/**
 * Forgets the live landscape projection (the bench's own database only), as after a bulk import or seed: the log is
 * whole and nothing is projected yet.
 */
export async function forgetProjection(runtime: Runtime): Promise<void> {
  await runtime.database.pool.query(`TRUNCATE ${LANDSCAPE_SCHEMA}.${PRACTICE_VERSIONS_TABLE}`);
  await runtime.database.pool.query(`DELETE FROM ${LANDSCAPE_SCHEMA}.projection_checkpoints WHERE name = $1`, [PRACTICE_VERSIONS_TABLE]);
}

/**
 * The API (`npm start`, in a child process) catching up with a log nothing of which is projected: from the start of
 * its catch-up, as /health reports it, to its first ready answer; events are the backlog it reported. Polled every
 * 100 ms, so the duration is at most that much long.
 */
export async function measureCatchUp(target: { databaseUrl: string | null; dataDir?: string }, label: string): Promise<CatchUpMeasurement> {
  const logFile = join(tmpdir(), `gp-register-bench-catch-up-${process.pid}.log`);
  say(`${label}: the API catching up with the whole log after a bulk load (log in ${logFile})`);
  const api = await ApiProcess.start({ ...target, logFile, logLevel: BENCH_CONFIG.api.logLevel, startTimeoutMs: BENCH_CONFIG.api.startTimeoutMs });
  const client = new KeepAliveClient(api.baseUrl);
  try {
    let seen: HealthCatchUp | null = null;
    for (;;) {
      const response = await client.get('/health');
      const readyAt = Date.now();
      if (response.status === 200) {
        if (seen === null) throw new Error('the API was ready without reporting a catch-up: was the projection forgotten?');
        const events = seen.eventsApplied + seen.eventsBehind;
        const durationMs = readyAt - Date.parse(seen.startedAt);
        const eventsPerSec = perSecond(events, durationMs);
        say(`${label}: ${events} events in ${(durationMs / 1000).toFixed(1)} s = ${Math.round(eventsPerSec ?? 0)} events/s`);
        return { events, durationMs, eventsPerSec };
      }
      const body = JSON.parse(response.body) as { projections?: { catchUp?: HealthCatchUp } };
      seen = body.projections?.catchUp ?? seen;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    client.close();
    await api.stop();
  }
}
