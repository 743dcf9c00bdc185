import type pg from 'pg';
import type { AppendBatch } from './append-workload.js';

/** The baseline: the same columns as event_store.events, with no key, index, identity or trigger. */
export const CREATE_BARE_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS bench_bare_events (
  stream_id text, stream_version integer, event_id uuid, type text, schema_version integer,
  data jsonb, metadata jsonb, effective_date date, recorded_at timestamptz
)`;

const COLUMNS_PER_ROW = 8;

/** One plain multi-row INSERT ... VALUES of the batch's rows: one statement, one round trip, autocommit. */
export async function rawInsert(pool: pg.Pool, batch: AppendBatch): Promise<void> {
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const append of batch) {
    append.events.forEach((event, index) => {
      const n = values.length;
      const placeholders = Array.from({ length: COLUMNS_PER_ROW }, (_, i) => `$${n + i + 1}`);
      tuples.push(`(${placeholders.join(', ')}, now())`);
      values.push(
        append.streamId,
        append.expectedVersion + index + 1,
        event.eventId,
        event.type,
        event.schemaVersion ?? 1,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        event.effectiveDate,
      );
    });
  }
  await pool.query(`INSERT INTO bench_bare_events VALUES ${tuples.join(', ')}`, values);
}

/**
 * The same rows into the bare table as one INSERT ... SELECT FROM unnest(arrays), the statement shape the event store
 * uses: shows how much of the gap (or lead) is the statement shape rather than the store's keys and checks.
 */
export async function rawUnnestInsert(pool: pg.Pool, batch: AppendBatch): Promise<void> {
  const rows = batch.flatMap((append) => append.events.map((event, index) => ({ append, event, version: append.expectedVersion + index + 1 })));
  await pool.query(
    `INSERT INTO bench_bare_events
     SELECT s, v, i, t, sv, d::jsonb, m::jsonb, e, now()
       FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::date[]) AS r(s, v, i, t, sv, d, m, e)`,
    [
      rows.map((r) => r.append.streamId),
      rows.map((r) => r.version),
      rows.map((r) => r.event.eventId),
      rows.map((r) => r.event.type),
      rows.map((r) => r.event.schemaVersion ?? 1),
      rows.map((r) => JSON.stringify(r.event.data)),
      rows.map((r) => JSON.stringify(r.event.metadata)),
      rows.map((r) => r.event.effectiveDate),
    ],
  );
}
