import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ServerDatabase {
  /** Connection URL of the fresh database. */
  readonly url: string;
  /** Drops the database, disconnecting whoever is still connected. */
  drop(): Promise<void>;
}

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh, randomly named database on the PostgreSQL server, so test files never share state. The server is the one
 * in `serverUrl`, else TEST_SERVER_URL, else the local default; only the database name of that URL is replaced.
 */
export async function createServerDatabase(serverUrl?: string): Promise<ServerDatabase> {
  const adminUrl = serverUrl ?? process.env.TEST_SERVER_URL ?? DEFAULT_SERVER_URL;
  const name = `test_${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;
  await withAdminClient(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdminClient(adminUrl, async (admin) => {
        await waitForDisconnections(admin, name);
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

/**
 * A pool's end() resolves once it has asked its connections to close, not once the server has closed them; forcing
 * the drop at that moment hands the closing clients a "terminating connection" error. Give them a moment first.
 */
async function waitForDisconnections(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
    if (rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function withAdminClient(url: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
