/** Where the product keeps its data: a PostgreSQL server (DATABASE_URL) or the embedded default in DATA_DIR. */
export interface DatabaseSettings {
  readonly url: string | null;
  readonly dataDir: string;
}

export function databaseSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  const url = env.DATABASE_URL?.trim() || null;
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`DATABASE_URL must be a postgres:// URL, got "${url}"`);
  }
  return { url, dataDir: env.DATA_DIR?.trim() || './.data' };
}
