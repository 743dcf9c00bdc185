/**
 * How long the service waits on its database. Every HTTP request must end within 30 s (SPEC §9), so each wait has a
 * limit below that: a connection from the pool within 5 s, a lock within 10 s, a statement within 20 s; a write that
 * is retried after a lost race still ends in time. A connection stuck in an open transaction is ended by the server.
 */
export interface DatabaseTimeouts {
  /** Waiting for a pooled connection (and for a new one to connect). */
  readonly acquireMs: number;
  /** Server-side `statement_timeout`; 0 for none (the CLI's imports and rebuilds run long statements). */
  readonly statementMs: number;
  /** Server-side `lock_timeout`; 0 for none. */
  readonly lockMs: number;
  /** Server-side `idle_in_transaction_session_timeout`; 0 for none. */
  readonly idleInTransactionMs: number;
}

/** For processes that answer requests: the API and the projector. */
export const REQUEST_TIMEOUTS: DatabaseTimeouts = { acquireMs: 5_000, statementMs: 20_000, lockMs: 10_000, idleInTransactionMs: 60_000 };
/** For the operator's CLI: long imports and rebuilds, but still no endless wait for a connection or a lock. */
export const BATCH_TIMEOUTS: DatabaseTimeouts = { acquireMs: 30_000, statementMs: 0, lockMs: 0, idleInTransactionMs: 0 };

/** Overrides from the environment (milliseconds): DB_ACQUIRE_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS, DB_LOCK_TIMEOUT_MS. */
export function timeoutsFromEnv(base: DatabaseTimeouts, env: NodeJS.ProcessEnv = process.env): DatabaseTimeouts {
  const read = (name: string, fallback: number): number => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of milliseconds, got "${text}"`);
    return value;
  };
  return {
    acquireMs: read('DB_ACQUIRE_TIMEOUT_MS', base.acquireMs),
    statementMs: read('DB_STATEMENT_TIMEOUT_MS', base.statementMs),
    lockMs: read('DB_LOCK_TIMEOUT_MS', base.lockMs),
    idleInTransactionMs: base.idleInTransactionMs,
  };
}

/**
 * The startup `options` that set the server-side limits on every connection of a pool. Not for the embedded database:
 * PGlite is one session in this process (no other session can hold a lock against it) and has no timer to cancel a
 * statement with.
 */
export function sessionTimeoutOptions(timeouts: DatabaseTimeouts): string | undefined {
  const settings = [
    ['statement_timeout', timeouts.statementMs],
    ['lock_timeout', timeouts.lockMs],
    ['idle_in_transaction_session_timeout', timeouts.idleInTransactionMs],
  ].filter(([, ms]) => (ms as number) > 0);
  return settings.length === 0 ? undefined : settings.map(([name, ms]) => `-c ${name}=${ms}`).join(' ');
}
