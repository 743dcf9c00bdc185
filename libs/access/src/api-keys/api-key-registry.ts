import type pg from 'pg';
import { PATTERNS } from '#platform';
import { isRole, type Role } from '../roles.js';
import type { ApiKey } from './api-key.js';
import { apiKeyHash, newApiKeyId, newApiKeySecret } from './api-key-secret.js';

/** Announced after any change to the key table, so every instance reloads its cache at once (SPEC §7: revocation). */
export const API_KEYS_CHANGED_CHANNEL = 'access_api_keys_changed';

export interface NewApiKey {
  readonly name: string;
  readonly role: Role;
  readonly commissioners?: readonly string[] | null;
  readonly expiresOn?: string | null;
  /** Who created it: the CLI operator, or the first start writing the embedded admin key. */
  readonly createdBy: string;
}

/** A key just made: the only moment its secret exists outside the holder's hands. */
export interface IssuedApiKey extends ApiKey {
  readonly key: string;
}

/** The first thing wrong with a new key's fields, or null; checked here so every caller gets the same rules. */
export function newApiKeyProblem(key: NewApiKey): string | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/.test(key.name)) return 'name must be 1-100 letters, digits and . _ @ -, starting with a letter or digit';
  if (!isRole(key.role)) return 'role must be reader, auditor, recorder or admin';
  if (key.commissioners !== undefined && key.commissioners !== null) {
    if (key.commissioners.length === 0) return 'commissioners must name at least one code';
    const bad = key.commissioners.find((code) => !PATTERNS.commissionerCode.test(code));
    if (bad !== undefined) return `commissioner "${bad}" is not a commissioner code (${PATTERNS.commissionerCode.source})`;
    if (key.role !== 'recorder') return 'only a recorder key can be scoped to commissioners (reads are never scoped)';
  }
  if (key.expiresOn != null && !isCalendarDate(key.expiresOn)) return 'expiry must be a real date written YYYY-MM-DD';
  return null;
}

const isCalendarDate = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

const COLUMNS = `id, name, role, commissioners, expires_on::text AS expires_on,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, created_by,
  to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS revoked_at`;

interface KeyRow {
  id: string;
  name: string;
  role: Role;
  commissioners: string[] | null;
  expires_on: string | null;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
}

const toApiKey = (row: KeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  role: row.role,
  commissioners: row.commissioners,
  expiresOn: row.expires_on,
  createdAt: row.created_at,
  createdBy: row.created_by,
  revokedAt: row.revoked_at,
});

/** The key table: issue, list, revoke, and the secrets' hashes for the cache. Secrets are never stored or returned. */
export class ApiKeyRegistry {
  constructor(private readonly pool: pg.Pool) {}

  async create(key: NewApiKey): Promise<IssuedApiKey> {
    const problem = newApiKeyProblem(key);
    if (problem) throw new RangeError(problem);
    const secret = newApiKeySecret();
    const { rows } = await this.pool.query<KeyRow>(
      `WITH inserted AS (
         INSERT INTO access.api_keys (id, name, role, commissioners, expires_on, secret_sha256, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *)
       SELECT ${COLUMNS} FROM inserted, LATERAL pg_notify('${API_KEYS_CHANGED_CHANNEL}', '') n`,
      [newApiKeyId(), key.name, key.role, key.commissioners ?? null, key.expiresOn ?? null, apiKeyHash(secret), key.createdBy],
    );
    return { ...toApiKey(rows[0]), key: secret };
  }

  async list(): Promise<ApiKey[]> {
    const { rows } = await this.pool.query<KeyRow>(`SELECT ${COLUMNS} FROM access.api_keys ORDER BY created_at, id`);
    return rows.map(toApiKey);
  }

  /** Revokes the key; returns it as now stored, or null for an unknown id. Revoking twice keeps the first time. */
  async revoke(id: string): Promise<ApiKey | null> {
    const { rows } = await this.pool.query<KeyRow>(
      `WITH revoked AS (
         UPDATE access.api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM revoked, LATERAL pg_notify('${API_KEYS_CHANGED_CHANNEL}', '') n`,
      [id],
    );
    return rows[0] ? toApiKey(rows[0]) : null;
  }

  /** Every key with its secret's hash (hex), for the in-memory cache that authenticates requests. */
  async hashes(): Promise<Array<{ hash: string; key: ApiKey }>> {
    const { rows } = await this.pool.query<KeyRow & { hash: string }>(`SELECT encode(secret_sha256, 'hex') AS hash, ${COLUMNS} FROM access.api_keys`);
    return rows.map((row) => ({ hash: row.hash, key: toApiKey(row) }));
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM access.api_keys');
    return rows[0].n;
  }
}
