/** Nest injection token for the shared `pg.Pool` (raw SQL: event store, hot read queries). */
export const PG_POOL = Symbol('PG_POOL');
