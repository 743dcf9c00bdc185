/**
 * A bulk load in this process (the projector catching up far behind the log) that background work may give way to:
 * the notary then hashes the log after the landscape is loaded, not beside it on the same cores (on the embedded
 * database, the same thread), so reads are ready about twice as soon after an import. Background work goes `graceMs`
 * after the last load ends, so the requests the load held back (the health check that finds the service ready, the
 * first reads) have the database first.
 */
export class BulkLoadGate {
  private running = 0;
  private settled = true;
  private endings = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly graceMs = 1_000) {}

  async during<T>(load: () => Promise<T>): Promise<T> {
    this.running++;
    this.settled = false;
    try {
      return await load();
    } finally {
      if (--this.running === 0) this.settleAfterGrace(++this.endings);
    }
  }

  /** Resolves when no bulk load is running or has just ended (at once if none has), or on abort. */
  idle(signal: AbortSignal): Promise<void> {
    if (this.settled || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  private settleAfterGrace(ending: number): void {
    setTimeout(() => {
      if (this.running > 0 || ending !== this.endings) return; // another load began, and will settle in its turn
      this.settled = true;
      this.waiters.splice(0).forEach((wake) => wake());
    }, this.graceMs).unref();
  }
}

/** The process's one gate. */
export const BULK_LOADS = new BulkLoadGate();
