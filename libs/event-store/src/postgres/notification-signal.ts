import { EventEmitter } from 'node:events';
import pg from 'pg';

/**
 * Wakes waiters soon after something happens, here or in another process: what happens in this process is signalled
 * in-process and announced to the others (`notify`); other processes' NOTIFY on the channel arrives on a dedicated
 * LISTEN connection (real servers only: the embedded database is one session in this very process, so everything on
 * it happens here anyway).
 * The event store wakes readers of the log after appends with it; the landscape wakes reads waiting for its projector.
 */
export class NotificationSignal {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private listener: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private closed = false;
  /** An announcement is being sent; `announceAgain` asks for one more after it, for what happened meanwhile. */
  private announcing: Promise<void> | null = null;
  private announceAgain = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
    private readonly shouldListen: () => Promise<boolean>,
  ) {}

  /** Something committed here: this process's waiters wake at once, other processes' on the announcement. */
  notify(): void {
    this.emitter.emit('notified');
    this.announce();
  }

  /**
   * Tells other processes' listeners that something committed here: a NOTIFY in a transaction of its own that does
   * not wait for its WAL flush (a notification is never durable anyway), sent after the fact. A transaction that
   * notifies holds a lock shared by the whole server from its commit until that commit is flushed, so notifying inside
   * every append made appends commit one at a time. Announcements are coalesced: while one is in flight, any number
   * of calls make one more after it, so every call is followed by a NOTIFY sent after the call. Servers only; a failed
   * announcement is dropped (listeners also wake on their own timeout).
   */
  private announce(): void {
    if (this.announcing) {
      this.announceAgain = true;
      return;
    }
    this.announcing = this.sendAnnouncements().finally(() => {
      this.announcing = null;
    });
  }

  wait(maxWaitMs: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted || this.closed) return Promise.resolve();
    void this.listen();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.emitter.off('notified', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, maxWaitMs));
      this.emitter.on('notified', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Resolves once the LISTEN connection is up (or known not to be wanted or possible right now). */
  ready(): Promise<void> {
    return this.listen();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emitter.emit('notified');
    await this.announcing;
    await this.listening?.catch(() => undefined);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  private async sendAnnouncements(): Promise<void> {
    do {
      this.announceAgain = false;
      if (this.closed || !(await this.shouldListen().catch(() => false))) return;
      // One round trip. Should any statement fail, the connection is dropped rather than pooled mid-transaction.
      const client = await this.pool.connect().catch(() => null);
      if (!client) return;
      let failure: Error | undefined;
      try {
        await client.query(`BEGIN; SET LOCAL synchronous_commit TO off; NOTIFY ${this.channel}; COMMIT`);
      } catch (error) {
        failure = error as Error;
      } finally {
        client.release(failure);
      }
    } while (this.announceAgain);
  }

  /** Starts listening once; on failure the waits fall back to their timeout and the next wait tries again. */
  private listen(): Promise<void> {
    this.listening ??= this.connectListener().catch(() => {
      this.listening = null;
    });
    return this.listening;
  }

  private async connectListener(): Promise<void> {
    if (!(await this.shouldListen()) || this.closed) return;
    const client = new pg.Client({ ...this.pool.options, application_name: `listener-${this.channel}` });
    client.on('notification', () => this.emitter.emit('notified'));
    client.on('error', () => {
      // Connection lost: forget it, so the next wait reconnects; meanwhile waits end on their timeout.
      if (this.listener === client) {
        this.listener = null;
        this.listening = null;
      }
      client.end().catch(() => undefined);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end();
      return;
    }
    this.listener = client;
  }
}
