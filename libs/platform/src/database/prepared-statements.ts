import type pg from 'pg';

/**
 * Pools whose connections share one database session (the embedded database multiplexes every connection onto its
 * single session). A named prepared statement there would be prepared once per connection in the same session and
 * collide ("prepared statement already exists"), so reads on them stay unnamed.
 */
const sharedSessionPools = new WeakSet<pg.Pool>();

export function markSharedSession(pool: pg.Pool): void {
  sharedSessionPools.add(pool);
}

/** True for a pool of the embedded database: every connection is the one session, in this very process. */
export function sharesOneSession(pool: pg.Pool): boolean {
  return sharedSessionPools.has(pool);
}

/**
 * A hot read as a query config: named on a PostgreSQL server, so each connection parses and plans it once and then
 * only binds and executes; unnamed where connections share a session. `name` must be unique per SQL text.
 */
export function hotQuery(pool: pg.Pool, name: string, text: string, values: unknown[]): pg.QueryConfig {
  return sharesOneSession(pool) ? { text, values } : { name, text, values };
}
