/**
 * A bulk load in this process (the projector catching up far behind the log) that background work may give way to:
 * the notary then hashes the log after the landscape is loaded, not beside it on the same cores (on the embedded
 * database, the same thread), so reads are ready about twice as soon after an import.
 */
export class BulkLoadGate {
  private running = 0;
  private waiters: (() => void)[] = [];

  async during<T>(load: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await load();
    } finally {
      if (--this.running === 0) this.waiters.splice(0).forEach((wake) => wake());
    }
  }

  /** Resolves when no bulk load is running (at once if none is), or on abort. */
  idle(signal: AbortSignal): Promise<void> {
    if (this.running === 0 || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }
}

/** The process's one gate. */
export const BULK_LOADS = new BulkLoadGate();
