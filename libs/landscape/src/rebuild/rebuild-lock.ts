import type pg from 'pg';
import { sharesOneSession } from '#platform';

/** One rebuild at a time per database: two would drop and recreate each other's shadow table. */
const REBUILD_LOCK_KEY = 7_340_019_001;

export class RebuildInProgressError extends Error {
  constructor() {
    super('another rebuild of the landscape projection is running on this database');
  }
}

/**
 * Runs `rebuild` holding the database's rebuild lock (a session advisory lock on a connection of its own), or throws
 * RebuildInProgressError at once when another process holds it. The embedded database is one process's alone: no lock.
 */
export async function withRebuildLock<T>(pool: pg.Pool, rebuild: () => Promise<T>): Promise<T> {
  if (sharesOneSession(pool)) return rebuild();
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [REBUILD_LOCK_KEY]);
    if (!rows[0].locked) throw new RebuildInProgressError();
    try {
      return await rebuild();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [REBUILD_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
