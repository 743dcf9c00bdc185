import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepMessageGroupsTogether } from './pglite-session-queue.js';

/**
 * The embedded default database: PostgreSQL (PGlite, WebAssembly) in this process, its files in `dataDir`, served on
 * a loopback port so the ordinary `pg` driver and TypeORM talk to it exactly as to a server.
 *
 * PGlite is one session: the socket server queues statements and keeps a transaction's statements together. Opening a
 * connection while another holds a transaction waits for that transaction, so callers open their pools up front
 * (see database-pool.ts) and never wait on a second connection while holding a transaction.
 */
export interface EmbeddedPostgres {
  readonly url: string;
  close(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string | 'memory', maxConnections = 16): Promise<EmbeddedPostgres> {
  let location = 'memory://';
  if (dataDir !== 'memory') {
    location = resolve(dataDir);
    mkdirSync(location, { recursive: true });
  }
  const db = await PGlite.create(location);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  keepMessageGroupsTogether(server);
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
