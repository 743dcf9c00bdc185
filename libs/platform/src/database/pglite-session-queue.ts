import { once } from 'node:events';
import type { Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PGlite is a single PostgreSQL session; the socket server multiplexes client connections onto it one protocol message
 * at a time. Its queue (pglite-socket 0.2.17) keeps a *transaction's* messages together but not an extended-protocol
 * group (Parse, Bind, Describe, Execute … Sync). With a pool, two connections' groups interleave and overwrite each
 * other's unnamed prepared statement ("unnamed prepared statement does not exist"). It also stops for good after a
 * failed message (its loop returns with `processing` still set), stalling every connection.
 *
 * This replaces the queue's scheduling on our server instance: a connection holds the session from its first
 * extended-protocol message until its Sync, as well as for the whole of a transaction, and a failure releases the loop.
 * It also takes work for the PGlite API itself (`runOnSession`), run between two connections' turns, never inside one.
 */
interface QueuedMessage {
  readonly handlerId: number;
  readonly message: Uint8Array;
  readonly onData: (data: Uint8Array) => void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  db: PGlite;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

// Parse, Bind, Describe, Execute, Close, Flush: the group goes on until Sync ('S'). A simple Query ('Q') stands alone.
const GROUP_MESSAGES = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

/** Work run on the session through the PGlite API, when no connection holds it. */
export type SessionWork = <T>(work: (db: PGlite) => Promise<T>) => Promise<T>;

interface QueuedWork {
  run(db: PGlite): Promise<void>;
}

/** How long work on the session waits for the connections' answers to leave (see responsesSent). */
const SEND_WAIT_MS = 100;

/**
 * Waits (a little) until the answers already written to the connections have left this thread. Work on the session
 * holds the thread while it runs, so an answer still queued in a socket (a page of the log is megabytes) would reach
 * its reader only after the work: a catch-up's next page would wait for this page's write.
 */
async function responsesSent(server: PGLiteSocketServer): Promise<void> {
  const handlers = (server as unknown as { handlers?: Set<{ socket?: Socket | null }> }).handlers ?? new Set();
  const pending = [...handlers].flatMap(({ socket }) => (socket && !socket.destroyed && socket.writableLength > 0 ? [socket] : []));
  if (pending.length === 0) return;
  const signal = AbortSignal.timeout(SEND_WAIT_MS);
  await Promise.all(
    pending.map((socket) => Promise.race([once(socket, 'drain', { signal }), once(socket, 'close', { signal })]).catch(() => undefined)),
  );
}

/** Returns how to run work on the session beside the connections (see embedded-session.ts). */
export function keepMessageGroupsTogether(server: PGLiteSocketServer): SessionWork {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (
    !queue ||
    typeof queue.processQueue !== 'function' ||
    !Array.isArray(queue.queue) ||
    !((server as unknown as { handlers?: unknown }).handlers instanceof Set)
  ) {
    throw new Error('pglite-socket internals changed: review libs/platform/src/database/pglite-session-queue.ts');
  }
  let groupOpen = false;
  const works: QueuedWork[] = [];

  queue.processQueue = async function processQueue(this: QueryQueue): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0 || works.length > 0) {
        const holder = groupOpen || this.db.isInTransaction() ? this.lastHandlerId : null;
        if (holder === null && works.length > 0) {
          await responsesSent(server);
          await works.shift()!.run(this.db); // settles its own promise, failure included
          this.lastHandlerId = null;
          continue;
        }
        const index = holder === null ? 0 : this.queue.findIndex((item) => item.handlerId === holder);
        if (index === -1) return; // the holder's next message has not arrived yet; its enqueue restarts the loop
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          groupOpen = false;
          this.lastHandlerId = item.handlerId;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        groupOpen = GROUP_MESSAGES.has(item.message[0]);
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = function clearQueueForHandler(this: QueryQueue, handlerId: number): void {
    clear(handlerId);
    if (this.lastHandlerId === handlerId) groupOpen = false;
    void this.processQueue();
  };

  return <T>(work: (db: PGlite) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      works.push({ run: (db) => work(db).then(resolve, reject) });
      void queue.processQueue();
    });
}
