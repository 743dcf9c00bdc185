import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import type { EmbeddedWorkerData, FromEmbeddedWorker, ToEmbeddedWorker } from './embedded-worker-protocol.js';
import { ownBytes } from './pglite-blob-reads.js';
import { makePrivateFolder, restrict } from './private-folder.js';
import { deserializeError, type SessionTransaction, type SessionTransactionResult } from './session-transaction.js';

/**
 * The embedded default database: PostgreSQL (PGlite, WebAssembly) on a thread of this process
 * (embedded-postgres.worker.ts), its files in `dataDir`, served so the ordinary `pg` driver and TypeORM talk to it
 * exactly as to a server.
 *
 * It is private to this process: served on a unix socket in a folder only this user can enter (a loopback port would
 * let any local user in as a superuser, with no password), its data folder 0700 with files 0600, and held by a lock
 * file so that a second process is refused instead of opening the same files.
 *
 * PGlite is one session: the socket server queues statements and keeps a transaction's statements together. Opening a
 * connection while another holds a transaction waits for that transaction, so callers open their pools up front
 * (see database-connection.ts) and never wait on a second connection while holding a transaction.
 */
export interface EmbeddedPostgres {
  readonly url: string;
  /** A transaction on the session through the PGlite API, between the connections' turns (see pglite-session-queue.ts). */
  readonly runOnSession: SessionTransaction;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  readonly maxConnections?: number;
  /** Flush every commit to disk (EMBEDDED_FSYNC=on): survives an OS crash or power cut, at a cost (see durable-pglite.ts). */
  readonly fsync?: boolean;
  /** Who holds the data folder, as a second process is told. */
  readonly holder?: string;
}

export async function startEmbeddedPostgres(dataDir: string | 'memory', options: EmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  let location = 'memory://';
  let lock: DataDirLock | null = null;
  if (dataDir !== 'memory') {
    location = resolve(dataDir);
    makePrivateFolder(location);
    lock = lockDataDir(location, options.holder ?? 'gp-register');
  }
  // mkdtemp makes the folder 0700; the socket's name is the one libpq and pg derive from a folder and port 5432.
  const socketFolder = mkdtempSync(join(tmpdir(), `gp-register-db-${process.pid}-`));
  const release = () => {
    rmSync(socketFolder, { recursive: true, force: true });
    lock?.release();
  };
  try {
    const thread = await DatabaseThread.start({
      location,
      durable: options.fsync === true && dataDir !== 'memory',
      socketPath: join(socketFolder, '.s.PGSQL.5432'),
      maxConnections: options.maxConnections ?? 16,
    });
    if (dataDir !== 'memory') restrict(location);
    return {
      url: `postgres://postgres@${encodeURIComponent(socketFolder)}/postgres`,
      runOnSession: (statements) => thread.transaction(statements),
      async close() {
        await thread.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** How long a clean shutdown of the database's thread may take before the thread is stopped. */
const CLOSE_TIMEOUT_MS = 15_000;

/**
 * The worker thread and the calls in flight to it. Compiled, the worker is the .js beside this file; run from the
 * TypeScript sources (the tests, started with test/support/ts-register.mjs, which the thread inherits), the .ts.
 */
class DatabaseThread {
  private readonly pending = new Map<number, { resolve(result: SessionTransactionResult): void; reject(error: Error): void }>();
  private nextId = 1;
  private closing: Promise<void> | null = null;
  private exited = false;

  private constructor(private readonly worker: Worker) {}

  static start(data: EmbeddedWorkerData): Promise<DatabaseThread> {
    const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
    const worker = new Worker(new URL(`./embedded-postgres.worker.${extension}`, import.meta.url), { workerData: data });
    return new Promise((resolve, reject) => {
      const onMessage = (message: FromEmbeddedWorker) => {
        if (message.type !== 'ready' && message.type !== 'failed') return;
        worker.off('message', onMessage).off('error', reject).off('exit', onExit);
        if (message.type === 'failed') return reject(deserializeError(message.error));
        const thread = new DatabaseThread(worker);
        thread.listen();
        resolve(thread);
      };
      const onExit = (code: number) => reject(new Error(`the embedded database's thread stopped while starting (exit code ${code})`));
      worker.on('message', onMessage).on('error', reject).on('exit', onExit);
    });
  }

  transaction(statements: Parameters<SessionTransaction>[0]): Promise<SessionTransactionResult> {
    if (this.exited || this.closing) return Promise.reject(new Error('the embedded database is closed'));
    const id = this.nextId++;
    // The blobs' memory moves to the database's thread rather than being copied (megabytes of COPY text a page).
    const handedOver = statements.map((statement) => (statement.blob ? { ...statement, blob: ownBytes(statement.blob) } : statement));
    const transfer = handedOver.flatMap((statement) => (statement.blob ? [statement.blob.buffer as ArrayBuffer] : []));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: 'transaction', id, statements: handedOver }, transfer);
    });
  }

  /** Stops the socket server and PostgreSQL (a clean shutdown, as on the main thread), then the thread. */
  close(): Promise<void> {
    this.closing ??= this.exited
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          this.worker.on('message', (message: FromEmbeddedWorker) => {
            if (message.type === 'closed') void this.worker.terminate();
          });
          // A shutdown that hangs (PostgreSQL stuck in a statement) must not keep the process from stopping.
          const stuck = setTimeout(() => void this.worker.terminate(), CLOSE_TIMEOUT_MS);
          this.worker.once('exit', () => {
            clearTimeout(stuck);
            resolve();
          });
          this.post({ type: 'close' });
        });
    return this.closing;
  }

  private post(message: ToEmbeddedWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private listen(): void {
    this.worker.on('message', (message: FromEmbeddedWorker) => {
      if (message.type !== 'result' && message.type !== 'error') return;
      const call = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'result') call?.resolve(message.result);
      else call?.reject(deserializeError(message.error));
    });
    this.worker.on('exit', () => {
      this.exited = true;
      for (const call of this.pending.values()) call.reject(new Error("the embedded database's thread stopped"));
      this.pending.clear();
    });
    // PostgreSQL gone from under the process (its thread failed): nothing here can serve again, so the process stops
    // as it would have had the database failed on the main thread.
    this.worker.on('error', (error) => {
      throw error;
    });
  }
}
