import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { EventStore } from '#event-store';
import { PG_POOL, sleepUnlessAborted } from '#platform';
import { PracticeStreamCache } from '#practices';
import { CatchUpProgress } from '../catch-up/catch-up-progress.js';
import { catchUpIfFarBehind } from '../catch-up/far-behind-catch-up.js';
import { PRACTICE_VERSIONS_TABLE } from '../schema/practice-versions.ddl.js';
import { PRACTICE_VERSIONS_PROJECTION_VERSION, readCheckpoint } from './checkpoint-store.js';
import { PracticeVersionsProjector } from './practice-versions.projector.js';
import { ProjectionSignals } from './projection-signals.js';

// Idle, the loop wakes this often to move the stable horizon on (so a default knownAt stays close to now).
const IDLE_WAIT_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
const SETTLE_FIRST_WAIT_MS = 2;
// Another process rebuilding the projection: look again this often (its switch-over ends the wait).
const REBUILD_ELSEWHERE_WAIT_MS = 2_000;

/**
 * Runs the landscape projector as a catch-up subscription for the life of the application: pages through the log
 * while there is more, then waits for appends. Far behind (at start, or whenever a step finds more), it catches up the
 * way a rebuild does (far-behind-catch-up.ts) before going back to small steps. Starts on bootstrap unless
 * PROJECTOR=off (an API scaled out beside a separate projector process). Errors are logged and retried with backoff;
 * the checkpoint makes retries safe.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LandscapeProjector');
  private readonly projector: PracticeVersionsProjector;
  private abort: AbortController | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly signals: ProjectionSignals,
    private readonly progress: CatchUpProgress,
    streams: PracticeStreamCache,
  ) {
    // The live projector applies the practices being written now, whose streams this process's commands already hold.
    this.projector = new PracticeVersionsProjector(store, pool, { table: PRACTICE_VERSIONS_TABLE, histories: streams });
  }

  onApplicationBootstrap(): void {
    if (process.env.PROJECTOR?.trim().toLowerCase() === 'off') {
      this.logger.log('PROJECTOR=off: not projecting in this process; reads wait for the projector process');
      void this.signals.listenToOtherProcesses();
      return;
    }
    this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  start(): void {
    if (this.running) return;
    void this.warnIfBuiltByAnotherVersion();
    const abort = new AbortController();
    this.abort = abort;
    this.running = this.loop(abort.signal).finally(() => {
      this.running = null;
    });
  }

  private async warnIfBuiltByAnotherVersion(): Promise<void> {
    const checkpoint = await readCheckpoint(this.pool, PRACTICE_VERSIONS_TABLE).catch(() => null);
    if (checkpoint && checkpoint.cursor !== null && checkpoint.projectionVersion !== PRACTICE_VERSIONS_PROJECTION_VERSION) {
      this.logger.warn(
        `the landscape projection was built by projection version ${checkpoint.projectionVersion}, this code is version ` +
          `${PRACTICE_VERSIONS_PROJECTION_VERSION}: run \`npm run cli -- rebuild-projections\``,
      );
    }
  }

  /** Stops after the step in progress (its transaction either commits or never happened). */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.running;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    let backoff = 500;
    let settleWait = SETTLE_FIRST_WAIT_MS;
    let mayBeFarBehind = true;
    while (!signal.aborted) {
      try {
        if (mayBeFarBehind) {
          const outcome = await catchUpIfFarBehind(this.store, this.pool, this.progress, signal, (committed) => this.signals.advanced(committed));
          if (outcome === 'elsewhere') {
            await sleepUnlessAborted(REBUILD_ELSEWHERE_WAIT_MS, signal);
            continue;
          }
          if (outcome === 'ran' && !signal.aborted) this.logger.log(`caught up with the log in bulk: ${describe(this.progress.lastFinished())}`);
          mayBeFarBehind = false;
        }
        const result = await this.projector.step();
        this.signals.advanced(this.projector.committed);
        mayBeFarBehind = result.hasMore;
        backoff = 500;
        if (!result.hasMore && !result.conflict && result.applied === 0) {
          // Caught up. Unsettled, the horizon must catch up with what was applied: look again soon, then less often,
          // and at once when something new is appended (under load that is the next step's work anyway).
          if (result.settled) {
            settleWait = SETTLE_FIRST_WAIT_MS;
            await this.store.waitForAppend(IDLE_WAIT_MS, signal);
          } else {
            await this.store.waitForAppend(settleWait, signal);
            settleWait = Math.min(settleWait * 2, IDLE_WAIT_MS);
          }
        } else {
          // Progress: whatever it left unsettled is looked at again soon, not after a wait grown over earlier lulls.
          settleWait = SETTLE_FIRST_WAIT_MS;
        }
      } catch (error) {
        if (signal.aborted) break;
        this.logger.error(`projection step failed; retrying in ${backoff} ms: ${error instanceof Error ? error.stack : String(error)}`);
        this.projector.forgetHistories();
        await sleepUnlessAborted(backoff, signal);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }
}

function describe(finished: { events: number; durationMs: number } | null): string {
  if (!finished) return 'nothing applied';
  const seconds = finished.durationMs / 1000;
  return `${finished.events} events in ${seconds.toFixed(1)} s (${Math.round(finished.events / Math.max(seconds, 0.001))} events/s)`;
}
