import type pg from 'pg';

/**
 * How many events the log holds now, for progress bars only (a reader of the log follows it to its end regardless).
 * Counts the event store's table directly: there is no port operation for it, and none is needed elsewhere.
 */
export async function logLength(pool: Pick<pg.Pool, 'query'>): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events');
  return Number(rows[0].n);
}
