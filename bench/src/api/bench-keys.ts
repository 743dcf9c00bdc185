import type pg from 'pg';
import { ApiKeyRegistry, type Role } from '#access';

/** Where the load goes and as whom: a key of the role a real client of that kind would hold. */
export interface ApiEndpoint {
  readonly baseUrl: URL;
  readonly authorization: string;
}

/** Issues a key for the benchmark's clients on the API's database, before the API starts (it loads keys at start). */
export async function issueBenchKey(pool: pg.Pool, role: Role): Promise<string> {
  const issued = await new ApiKeyRegistry(pool).create({ name: `bench-${role}`, role, createdBy: 'cli:bench' });
  return `Bearer ${issued.key}`;
}
