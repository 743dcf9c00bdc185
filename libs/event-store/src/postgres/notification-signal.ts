import { EventEmitter } from 'node:events';
import pg from 'pg';

/**
 * Wakes waiters soon after something happens, here or in another process: what happens in this process is signalled
 * in-process (`notifyHere`); other processes' NOTIFY on the channel arrives on a dedicated LISTEN connection (real
 * servers only: the embedded database is one session in this very process, so everything on it happens here anyway).
 * The event store wakes readers of the log after appends with it; the landscape wakes reads waiting for its projector.
 */
export class NotificationSignal {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private listener: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
    private readonly shouldListen: () => Promise<boolean>,
  ) {}

  notifyHere(): void {
    this.emitter.emit('notified');
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
    await this.listening?.catch(() => undefined);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
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
