import { compareCursors, type LogCursor } from '#event-store';

interface Waiter {
  readonly position: LogCursor;
  readonly settle: (reached: boolean) => void;
}

/**
 * Waits for a position to be reached where no notice says when (a replica replays silently: LISTEN does not work on a
 * standby). However many reads wait, the process reads the position once per interval, and only while someone waits:
 * the database sees one poller per process, never one per request.
 */
export class SharedPositionWait {
  private readonly waiters = new Set<Waiter>();
  private polling = false;

  /** `readReached`: the position reached so far (null: nothing yet); it may throw, which counts as "not yet". */
  constructor(
    private readonly readReached: () => Promise<LogCursor | null>,
    private readonly intervalMs: number,
  ) {}

  /** True once `position` is reached, false when `timeoutMs` passes first. */
  waitFor(position: LogCursor, timeoutMs: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        position,
        settle: (reached) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      // Each wait keeps its own deadline: a poll stuck on an unreachable replica must not hold a request past it.
      const timer = setTimeout(() => waiter.settle(false), timeoutMs);
      this.waiters.add(waiter);
      if (!this.polling) void this.poll();
    });
  }

  /** How many reads are waiting now. */
  get waiting(): number {
    return this.waiters.size;
  }

  private async poll(): Promise<void> {
    this.polling = true;
    while (this.waiters.size > 0) {
      const reached = await this.readReached().catch(() => null);
      if (reached !== null) {
        for (const waiter of [...this.waiters]) if (compareCursors(reached, waiter.position) >= 0) waiter.settle(true);
      }
      if (this.waiters.size > 0) await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
    }
    // No await between the last check and this: a waiter added later finds polling false and starts a new poll.
    this.polling = false;
  }
}
