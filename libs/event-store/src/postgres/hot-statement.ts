import type pg from 'pg';

/**
 * A statement run on every append or projector step, as a query config: named on a PostgreSQL server, so each
 * connection parses and plans it once and afterwards only binds and executes it; unnamed on the embedded database,
 * whose connections all share one session, where a second connection preparing the same name would collide
 * ("prepared statement already exists"). `name` must be unique per SQL text. (#platform's hotQuery does the same for
 * the read side; the event store depends on no other library of the project.)
 */
export function hotStatement(embedded: boolean, name: string, text: string, values: unknown[]): pg.QueryConfig {
  return embedded ? { text, values } : { name, text, values };
}
