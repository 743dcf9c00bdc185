/** Where the product keeps its data: a PostgreSQL server (DATABASE_URL) or the embedded default in DATA_DIR. */
export interface DatabaseSettings {
  readonly url: string | null;
  /** A streaming replica of the server at `url` that serves the landscape reads (READ_DATABASE_URL, SPEC §11). */
  readonly readUrl?: string | null;
  readonly dataDir: string;
  /** The embedded database flushes every commit to disk (EMBEDDED_FSYNC, see durable-pglite.ts). */
  readonly embeddedFsync?: boolean;
}

/** Measured in the README's operations section: see there before changing it. */
export const DEFAULT_EMBEDDED_FSYNC = 'on';

export function databaseSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  const url = serverUrl(env, 'DATABASE_URL');
  const readUrl = serverUrl(env, 'READ_DATABASE_URL');
  // A replica follows a server: the embedded database has none.
  if (readUrl && !url) throw new Error('READ_DATABASE_URL needs DATABASE_URL: a replica serves reads of a PostgreSQL server');
  const fsync = (env.EMBEDDED_FSYNC?.trim() || DEFAULT_EMBEDDED_FSYNC).toLowerCase();
  if (fsync !== 'on' && fsync !== 'off') throw new Error(`EMBEDDED_FSYNC must be on or off, got "${env.EMBEDDED_FSYNC}"`);
  return { url, readUrl, dataDir: env.DATA_DIR?.trim() || './.data', embeddedFsync: fsync === 'on' };
}

/** The named setting as a postgres:// URL, or null when unset. The URL itself is never echoed: it may hold a password. */
function serverUrl(env: NodeJS.ProcessEnv, name: string): string | null {
  const url = env[name]?.trim() || null;
  if (url && !/^postgres(ql)?:\/\//.test(url)) throw new Error(`${name} must be a postgres:// URL`);
  return url;
}
