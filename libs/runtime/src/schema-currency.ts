import type pg from 'pg';
import { MIGRATIONS_TABLE } from './schema.js';

/** Raised when the service may not migrate and the schema is behind: SPEC §8 names the command that fixes it. */
export class SchemaNotCurrentError extends Error {
  constructor(pending: readonly string[]) {
    super(
      `the database schema is not current (${pending.length} migration${pending.length === 1 ? '' : 's'} pending: ${pending.join(', ')}), ` +
        'and this login may not change it: run `npm run cli -- migrate` as the database owner, then start again',
    );
    this.name = 'SchemaNotCurrentError';
  }
}

/** Migrations the code has that the database's history lacks (all of them on a fresh database). */
export async function pendingMigrations(pool: pg.Pool, names: readonly string[]): Promise<string[]> {
  const { rows: exists } = await pool.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [`public.${MIGRATIONS_TABLE}`]);
  if (!exists[0].present) return [...names];
  const { rows } = await pool.query<{ name: string }>(`SELECT name FROM public.${MIGRATIONS_TABLE}`);
  const applied = new Set(rows.map((row) => row.name));
  return names.filter((name) => !applied.has(name));
}

/**
 * Whether this login may run migrations: it can create schemas in the database and, once the log exists, is (a member
 * of) its owner. A login holding only register_app is neither.
 */
export async function mayMigrate(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ may: boolean }>(
    `SELECT has_database_privilege(current_database(), 'CREATE')
            AND coalesce((SELECT pg_has_role(current_user, nspowner, 'USAGE') FROM pg_namespace WHERE nspname = 'event_store'), true) AS may`,
  );
  return rows[0].may;
}
