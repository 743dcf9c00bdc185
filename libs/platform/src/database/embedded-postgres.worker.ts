import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { durableStartParams, flushCommitsToDisk } from './durable-pglite.js';
import type { EmbeddedWorkerData, FromEmbeddedWorker, ToEmbeddedWorker } from './embedded-worker-protocol.js';
import { bytesAsBlob, copyBlobReadsAtOnce } from './pglite-blob-reads.js';
import { keepMessageGroupsTogether, type SessionWork } from './pglite-session-queue.js';
import { serializeError, type SessionStatement, type SessionTransactionResult } from './session-transaction.js';

/**
 * The embedded database's own thread: PGlite (PostgreSQL compiled to WebAssembly, which runs on the thread that calls
 * it) and the socket server the process's pools connect to. On a thread of its own, PostgreSQL's work goes on beside
 * the process's JavaScript (planning, encoding, HTTP) instead of taking turns with it on one core.
 */
const port = parentPort;
if (!port) throw new Error('embedded-postgres.worker runs as a worker thread (see embedded-postgres.ts)');
const settings = workerData as EmbeddedWorkerData;
const send = (message: FromEmbeddedWorker) => port.postMessage(message);

async function start(): Promise<{ db: PGlite; server: PGLiteSocketServer; runOnSession: SessionWork }> {
  const db = await PGlite.create(settings.location, settings.durable ? { startParams: durableStartParams() } : {});
  try {
    copyBlobReadsAtOnce(db);
    if (settings.durable) await flushCommitsToDisk(db);
    const server = new PGLiteSocketServer({ db, path: settings.socketPath, maxConnections: settings.maxConnections });
    const runOnSession = keepMessageGroupsTogether(server);
    await server.start();
    return { db, server, runOnSession };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

async function runStatements(tx: Transaction, statements: readonly SessionStatement[]): Promise<SessionTransactionResult> {
  const rows: Record<string, unknown>[][] = [];
  for (const statement of statements) {
    const options = statement.blob ? { blob: bytesAsBlob(statement.blob) } : undefined;
    const result = await tx.query<Record<string, unknown>>(statement.sql, statement.params ? [...statement.params] : [], options);
    rows.push(result.rows);
    if (statement.continueIf !== undefined && result.rows[0]?.[statement.continueIf] !== true) return { completed: false, rows };
  }
  return { completed: true, rows };
}

start().then(
  ({ db, server, runOnSession }) => {
    port.on('message', (message: ToEmbeddedWorker) => {
      if (message.type === 'transaction') {
        runOnSession((session) => session.transaction((tx) => runStatements(tx, message.statements))).then(
          (result) => send({ type: 'result', id: message.id, result }),
          (error: unknown) => send({ type: 'error', id: message.id, error: serializeError(error) }),
        );
      } else if (message.type === 'close') {
        void server
          .stop()
          .then(() => db.close())
          .finally(() => {
            send({ type: 'closed' });
            port.close();
          });
      }
    });
    send({ type: 'ready' });
  },
  (error: unknown) => {
    send({ type: 'failed', error: serializeError(error) });
    port.close();
  },
);
