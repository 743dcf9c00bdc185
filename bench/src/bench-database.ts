import pg from 'pg';

/** A database of its own on the server for one run, created fresh and dropped at the end unless kept. */
export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  /** True when it existed before this run (reused with --database): never dropped by the run. */
  readonly reused: boolean;
}

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function timestampedName(prefix: string): string {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${prefix}_${stamp}`;
}

/** Creates the database, or reuses it when it exists and `reuse` is true. */
export async function openBenchDatabase(serverUrl: string, name: string, reuse: boolean): Promise<BenchDatabase> {
  if (!NAME.test(name)) throw new Error(`not a plain database name: ${name}`);
  return withAdmin(serverUrl, async (admin) => {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount && reuse) return { name, url: databaseUrl(serverUrl, name), reused: true };
    if (rowCount) throw new Error(`database ${name} already exists`);
    await admin.query(`CREATE DATABASE ${name}`);
    return { name, url: databaseUrl(serverUrl, name), reused: false };
  });
}

export async function dropBenchDatabase(serverUrl: string, name: string): Promise<void> {
  if (!NAME.test(name)) throw new Error(`not a plain database name: ${name}`);
  await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

async function withAdmin<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl, application_name: 'gp-register-bench' });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
