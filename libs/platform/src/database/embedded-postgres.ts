import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { keepMessageGroupsTogether, type SessionWork } from './pglite-session-queue.js';
import { durableStartParams, flushCommitsToDisk } from './durable-pglite.js';
import { copyBlobReadsAtOnce } from './pglite-blob-reads.js';
import { makePrivateFolder, restrict } from './private-folder.js';

/**
 * The embedded default database: PostgreSQL (PGlite, WebAssembly) in this process, its files in `dataDir`, served so
 * the ordinary `pg` driver and TypeORM talk to it exactly as to a server.
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
  /** Work on the session through the PGlite API, between the connections' turns (see pglite-session-queue.ts). */
  readonly runOnSession: SessionWork;
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
  let db: PGlite | null = null;
  try {
    const durable = options.fsync === true && dataDir !== 'memory';
    db = await PGlite.create(location, durable ? { startParams: durableStartParams() } : {});
    copyBlobReadsAtOnce(db);
    if (durable) await flushCommitsToDisk(db);
    if (dataDir !== 'memory') restrict(location);
    const server = new PGLiteSocketServer({ db, path: join(socketFolder, '.s.PGSQL.5432'), maxConnections: options.maxConnections ?? 16 });
    const runOnSession = keepMessageGroupsTogether(server);
    await server.start();
    const opened = db;
    return {
      url: `postgres://postgres@${encodeURIComponent(socketFolder)}/postgres`,
      runOnSession,
      async close() {
        await server.stop();
        await opened.close();
        rmSync(socketFolder, { recursive: true, force: true });
        lock?.release();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    rmSync(socketFolder, { recursive: true, force: true });
    lock?.release();
    throw error;
  }
}
