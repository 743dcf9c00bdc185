import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { NotificationSignal } from '#event-store';
import { PG_POOL, sharesOneSession } from '#platform';
import type { Checkpoint } from './checkpoint-store.js';

/** What landscape.apply_projection_step notifies when a step on the live table commits (migration 1763856700000). */
export const PROJECTION_ADVANCED_CHANNEL = 'landscape_projection_advanced';

/**
 * Notice that the landscape projection committed a step. From this process's projector it comes with the checkpoint
 * it committed, so readers waiting for a position wake at once and need not read the checkpoint back. When another
 * process projects (`listenToOtherProcesses`, for PROJECTOR=off), its steps arrive as NOTIFY and readers wake to read
 * the stored checkpoint, instead of only at their next poll.
 */
@Injectable()
export class ProjectionSignals implements OnApplicationShutdown {
  private waiters = new Set<(committed: Checkpoint | null) => void>();
  private elsewhere: NotificationSignal | null = null;

  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** Listens for steps committed by other processes (a server only: on the embedded database everything is here). */
  listenToOtherProcesses(): Promise<void> {
    this.elsewhere ??= new NotificationSignal(this.pool, PROJECTION_ADVANCED_CHANNEL, async () => !sharesOneSession(this.pool));
    return this.elsewhere.ready();
  }

  /** `committed`: the checkpoint the step committed, null when it committed none (a conflict, an error). */
  advanced(committed: Checkpoint | null): void {
    const waiting = this.waiters;
    this.waiters = new Set();
    for (const wake of waiting) wake(committed);
  }

  /**
   * The checkpoint of this process's next advance; null when another process's step is notified, when that advance
   * committed none, or after `ms`, whichever is first.
   */
  next(ms: number): Promise<Checkpoint | null> {
    return new Promise((resolve) => {
      const stopListening = new AbortController();
      const wake = (committed: Checkpoint | null = null) => {
        clearTimeout(timer);
        stopListening.abort();
        this.waiters.delete(wake);
        resolve(committed);
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
      void this.elsewhere?.wait(ms, stopListening.signal).then(() => wake(null));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.elsewhere?.close();
  }
}
