/** Where the product keeps its data: a PostgreSQL server (DATABASE_URL) or the embedded default in DATA_DIR. */
export interface DatabaseSettings {
  readonly url: string | null;
  readonly dataDir: string;
  /** The embedded database flushes every commit to disk (EMBEDDED_FSYNC, see durable-pglite.ts). */
  readonly embeddedFsync?: boolean;
}

/** Measured in the README's operations section: see there before changing it. */
export const DEFAULT_EMBEDDED_FSYNC = 'on';

export function databaseSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  const url = env.DATABASE_URL?.trim() || null;
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`DATABASE_URL must be a postgres:// URL, got "${url}"`);
  }
  const fsync = (env.EMBEDDED_FSYNC?.trim() || DEFAULT_EMBEDDED_FSYNC).toLowerCase();
  if (fsync !== 'on' && fsync !== 'off') throw new Error(`EMBEDDED_FSYNC must be on or off, got "${env.EMBEDDED_FSYNC}"`);
  return { url, dataDir: env.DATA_DIR?.trim() || './.data', embeddedFsync: fsync === 'on' };
}
