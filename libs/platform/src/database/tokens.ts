/** Nest injection token for the shared `pg.Pool` (raw SQL: event store, hot read queries). */
export const PG_POOL = Symbol('PG_POOL');
/**
 * The pool that serves the landscape reads (SPEC §11): a streaming replica's when READ_DATABASE_URL is set, else the
 * very same pool as PG_POOL. Writes, history and the feed always use PG_POOL.
 */
export const READ_POOL = Symbol('READ_POOL');
