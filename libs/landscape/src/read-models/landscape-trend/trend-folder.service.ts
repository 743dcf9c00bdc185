import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { BULK_LOADS, PG_POOL, sharesOneSession, sleepUnlessAborted } from '#platform';
import { foldTrend } from './fold-trend.js';

/** How often the model is folded up to the horizon: reads correct it for what was recorded since, so this bounds their work. */
const FOLD_EVERY_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;
// On the embedded database's one session a fold holds every request back: there it folds this much at a time (about a
// second each, nationally), with a pause between for the requests waiting.
const EMBEDDED_FOLD_VERSIONS = 20_000;
const EMBEDDED_PAUSE_MS = 100;

/**
 * Keeps the national trend's model folded, beside the projector (in the process that projects) but never inside its
 * step: a transaction of its own every few seconds, after any bulk load of the landscape has finished.
 */
@Injectable()
export class TrendFolderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TrendFolder');
  private readonly abort = new AbortController();
  private running: Promise<void> | null = null;

  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** Beside the in-process projector: not in an API running with PROJECTOR=off (the projector process starts it). */
  onApplicationBootstrap(): void {
    if (process.env.PROJECTOR?.trim().toLowerCase() === 'off') return;
    this.start();
  }

  start(): void {
    this.running ??= this.loop(this.abort.signal);
  }

  async onApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    let wait = FOLD_EVERY_MS;
    const maxVersions = sharesOneSession(this.pool) ? EMBEDDED_FOLD_VERSIONS : undefined;
    // Bounded folds that have not reached the horizon yet: one line in the log for all of them.
    let run = { folds: 0, changes: 0, ms: 0 };
    while (!signal.aborted) {
      await sleepUnlessAborted(wait, signal);
      await BULK_LOADS.idle(signal);
      if (signal.aborted) break;
      try {
        const outcome = await foldTrend(this.pool, { maxVersions, signal });
        if (outcome.folded) run = { folds: run.folds + 1, changes: run.changes + outcome.changes, ms: run.ms + outcome.durationMs };
        if (outcome.folded && outcome.caughtUp && run.ms > 1_000) {
          const seconds = (run.ms / 1000).toFixed(1);
          this.logger.log(`trend model folded through ${outcome.through}: ${run.changes} changes in ${run.folds} folds, ${seconds} s`);
        }
        if (!outcome.folded || outcome.caughtUp) run = { folds: 0, changes: 0, ms: 0 };
        wait = outcome.folded && !outcome.caughtUp ? EMBEDDED_PAUSE_MS : FOLD_EVERY_MS;
      } catch (error) {
        if (signal.aborted) break;
        wait = Math.min(wait * 2, MAX_BACKOFF_MS);
        this.logger.warn(`folding the trend model failed; trying again in ${wait} ms: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
