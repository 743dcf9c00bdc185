import type pg from 'pg';

/** A stored event row, every column as text, so it can be put back exactly. */
export interface EventRowText {
  position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  effective_date: string;
  recorded_at: string;
}

/** What the database's owner can do behind the append-only triggers: the attacks verify-log must catch. */
export async function asOwnerBehindTriggers(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE event_store.events DISABLE TRIGGER USER');
    await work(client);
    await client.query('ALTER TABLE event_store.events ENABLE TRIGGER USER');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export async function eventRows(db: Pick<pg.ClientBase, 'query'>, eventIds: readonly string[]): Promise<EventRowText[]> {
  const { rows } = await db.query<EventRowText>(
    `SELECT position::text, transaction_id::text, stream_id, stream_version, event_id::text, type, schema_version, data::text,
            metadata::text, effective_date::text, recorded_at::text
       FROM event_store.events WHERE event_id = ANY($1::uuid[])`,
    [eventIds],
  );
  return eventIds.map((id) => rows.find((row) => row.event_id === id)!);
}

export async function deleteEvents(db: Pick<pg.ClientBase, 'query'>, eventIds: readonly string[]): Promise<void> {
  await db.query(`DELETE FROM event_store.events WHERE event_id = ANY($1::uuid[])`, [eventIds]);
}

/** Inserts rows as given, log order columns included (what an owner can do with OVERRIDING SYSTEM VALUE). */
export async function insertEventRows(db: Pick<pg.ClientBase, 'query'>, rows: readonly EventRowText[]): Promise<void> {
  for (const row of rows) {
    await db.query(
      `INSERT INTO event_store.events (position, transaction_id, stream_id, stream_version, event_id, type, schema_version, data, metadata,
                                       effective_date, recorded_at)
       OVERRIDING SYSTEM VALUE
       VALUES ($1::bigint, $2::xid8, $3, $4, $5::uuid, $6, $7, $8::jsonb, $9::jsonb, $10::date, $11::timestamptz)`,
      [
        row.position,
        row.transaction_id,
        row.stream_id,
        row.stream_version,
        row.event_id,
        row.type,
        row.schema_version,
        row.data,
        row.metadata,
        row.effective_date,
        row.recorded_at,
      ],
    );
  }
}
