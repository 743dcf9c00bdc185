import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import type { DatabaseSettings } from './database-settings.js';
import { markSharedSession } from './prepared-statements.js';
import { attachEmbeddedSession } from './embedded-session.js';
import { BATCH_TIMEOUTS, sessionTimeoutOptions, type DatabaseTimeouts } from './database-timeouts.js';

// Dates stay 'YYYY-MM-DD' strings (no time zone shifts); bigints stay strings (no precision loss).
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

export interface DatabaseConnection {
  readonly url: string;
  readonly embedded: boolean;
  readonly pool: pg.Pool;
  /** Where the landscape reads go: a streaming replica's pool (READ_DATABASE_URL), else `pool` itself. */
  readonly readPool: pg.Pool;
  close(): Promise<void>;
}

export interface ConnectOptions {
  readonly poolSize?: number;
  readonly applicationName?: string;
  /** Limits on waiting for the database (default: the CLI's, which allow long statements). */
  readonly timeouts?: DatabaseTimeouts;
}

/**
 * Connects to the server named by the settings, or starts the embedded database. On the embedded database the pool is
 * opened to its full size straight away: PGlite serves one session, and a connection opened while another holds a
 * transaction would wait for that transaction to end.
 */
export async function connectDatabase(settings: DatabaseSettings, options: ConnectOptions = {}): Promise<DatabaseConnection> {
  let embedded: EmbeddedPostgres | null = null;
  let url = settings.url;
  if (!url) {
    embedded = await startEmbeddedPostgres(settings.dataDir, { holder: options.applicationName, fsync: settings.embeddedFsync });
    url = embedded.url;
  }
  const max = options.poolSize ?? (embedded ? 4 : 20);
  const timeouts = options.timeouts ?? BATCH_TIMEOUTS;
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: embedded ? 0 : 30_000,
    application_name: options.applicationName ?? 'gp-register',
    ...poolTimeoutConfig(timeouts, embedded !== null),
  });
  survivesLostConnections(pool);
  if (embedded) {
    markSharedSession(pool);
    attachEmbeddedSession(pool, embedded.runOnSession);
    const clients = await Promise.all(Array.from({ length: max }, () => pool.connect()));
    clients.forEach((client) => client.release());
  }
  const readPool = settings.readUrl && !embedded ? openReadPool(settings.readUrl, max, options.applicationName ?? 'gp-register', timeouts) : pool;
  return {
    url,
    embedded: embedded !== null,
    pool,
    readPool,
    async close() {
      if (readPool !== pool) await readPool.end();
      await pool.end();
      await embedded?.close();
    },
  };
}

/**
 * A streaming replica's pool (READ_DATABASE_URL) for the landscape reads, with the primary's limits. It connects lazily:
 * a replica that is down at start holds nothing up but its own reads (answered 503) and /health's replica report.
 */
function openReadPool(url: string, max: number, applicationName: string, timeouts: DatabaseTimeouts): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    application_name: `${applicationName}-reads`,
    ...poolTimeoutConfig(timeouts, false),
  });
  survivesLostConnections(pool);
  return pool;
}

/** The pool's part of the limits: how long to wait for a connection, and on a server the session's own limits. */
export function poolTimeoutConfig(timeouts: DatabaseTimeouts, embedded: boolean): Partial<pg.PoolConfig> {
  if (embedded) return { connectionTimeoutMillis: timeouts.acquireMs };
  return {
    connectionTimeoutMillis: timeouts.acquireMs,
    options: sessionTimeoutOptions(timeouts),
    // A server that stops answering altogether (a cut network) never cancels the statement itself.
    ...(timeouts.statementMs > 0 ? { query_timeout: timeouts.statementMs + 2_000 } : {}),
    keepAlive: true,
  };
}

/**
 * A connection the server drops (a crash, a restart, a terminated backend) makes its client emit 'error'; pg-pool
 * listens only while the client is idle, so one that is checked out between two statements would crash the process.
 * The error is not lost: the client's next statement fails, the failure is answered 503 DATABASE_UNAVAILABLE, and the
 * pool discards the client and connects afresh.
 */
export function survivesLostConnections(pool: pg.Pool): void {
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
}
