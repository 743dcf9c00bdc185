import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { RecordedEvent, SettledStreamRead } from '../event-store.port.js';
import { READ_STREAM_AFTER_SQL, RECORDING_CLOCK, toRecordedEvent, type EventRow } from './event-row.js';
import { inTransaction } from './in-transaction.js';

/**
 * FOR SHARE conflicts with the row lock an append takes on its stream (UPDATE), so this waits for an append in flight
 * to commit or roll back, and holds off new ones until the read's transaction ends.
 */
const LOCK_STREAM_SQL = `SELECT version FROM event_store.streams WHERE stream_id = $1 FOR SHARE`;

const CLOCK_MS_SQL = `SELECT ${RECORDING_CLOCK} AS now`;

/**
 * Reads a stream with no append on it in flight. While the share lock is held no append can start, and the next one
 * reads its recordedAt only after the lock is released. The lock is kept until the clock has left the millisecond the
 * read ended in, so that next append's recordedAt is strictly later than `completeThrough`.
 */
export async function readStreamSettled(
  pool: pg.Pool,
  streamId: string,
  upcast: (event: RecordedEvent) => RecordedEvent,
): Promise<SettledStreamRead> {
  return inTransaction(pool, async (client) => {
    const locked = await client.query(LOCK_STREAM_SQL, [streamId]);
    if (locked.rowCount === 0) return { stream: { streamId, version: 0, events: [] }, completeThrough: null };
    // A fresh statement, so a fresh snapshot in READ COMMITTED: it sees the append that was just waited for.
    const { rows } = await client.query<EventRow>(READ_STREAM_AFTER_SQL, [streamId, 0]);
    const completeThrough = await clockMs(client);
    while ((await clockMs(client)) === completeThrough) await sleep(1);
    const events = rows.map((row) => upcast(toRecordedEvent(row)));
    return { stream: { streamId, version: events.at(-1)?.streamVersion ?? 0, events }, completeThrough };
  });
}

async function clockMs(client: pg.PoolClient): Promise<string> {
  const { rows } = await client.query<{ now: string }>(CLOCK_MS_SQL);
  return rows[0].now;
}
