import type pg from 'pg';
import type { SessionTransaction } from './session-transaction.js';

export type { SessionStatement, SessionTransaction, SessionTransactionResult } from './session-transaction.js';

/**
 * The embedded database's session as the PGlite API sees it, for the pool that serves it. Bulk work goes this way
 * instead of through the socket: no protocol framing or copying of megabyte messages, and COPY FROM '/dev/blob'
 * (COPY FROM STDIN through the socket loses protocol synchronisation).
 */
const sessions = new WeakMap<pg.Pool, SessionTransaction>();

export function attachEmbeddedSession(pool: pg.Pool, work: SessionTransaction): void {
  sessions.set(pool, work);
}

/** Runs a transaction on the embedded session between connections' turns; null for a pool of a server. */
export function embeddedSession(pool: pg.Pool): SessionTransaction | null {
  return sessions.get(pool) ?? null;
}
