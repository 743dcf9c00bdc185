import type { ClientBase, Pool } from 'pg';
import { hotStatement } from './hot-statement.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-row.js';
import { inTransaction } from './in-transaction.js';
import { encodeCursor } from '../cursor.js';
import { IdempotencyKeyReusedError, WrongExpectedVersionError } from '../errors.js';
import type { AppendOptions, AppendResult, RecordedEvent, StreamAppend, StreamAppendResult } from '../event-store.port.js';
import {
  APPEND_EVENTS_SQL,
  CLAIM_IDEMPOTENCY_KEY_SQL,
  FIND_IDEMPOTENT_RESULT_SQL,
  STORE_IDEMPOTENT_RESULT_SQL,
  STREAM_VERSIONS_SQL,
  WRONG_EXPECTED_VERSION_SQLSTATE,
  type AppendedRow,
} from './append.sql.js';

export const APPENDED_CHANNEL = 'event_store_appended';

/** What is kept of an answer: ids and versions only, so its size is bounded by the number of events, not their data. */
interface StoredAnswer {
  readonly position: string;
  readonly streams: readonly { readonly streamId: string; readonly streamVersion: number; readonly eventIds: readonly string[] }[];
}

interface StoredIdempotentResult {
  readonly fingerprint: string | null;
  readonly result: StoredAnswer;
}

export interface IdempotencySettings {
  /** How long a key is kept; past it, the key may be used again for anything. */
  readonly ttlSeconds: number;
}

const READ_EVENTS_BY_ID_SQL = `SELECT ${EVENT_COLUMNS} FROM event_store.events e WHERE e.event_id = ANY($1::uuid[])`;

/**
 * Runs one append atomically on one pooled connection. Without an idempotency key it is a single call of the append
 * function (its own implicit transaction); with one, the key is claimed, the events appended and the answer stored in
 * one explicit transaction. Everything happens on that connection: on the embedded database, waiting on a second
 * connection while this one holds a transaction would deadlock.
 */
export async function appendAtomically(
  pool: Pool,
  appends: readonly StreamAppend[],
  options: AppendOptions,
  embedded: boolean,
  idempotency: IdempotencySettings,
): Promise<AppendResult> {
  assertWellFormed(appends);
  const key = options.idempotencyKey;
  const fingerprint = options.idempotencyFingerprint ?? null;
  const principal = options.idempotencyPrincipal ?? '';
  try {
    if (key === undefined) return await appendEvents(pool, appends, embedded);
    return await inTransaction(pool, async (client) => {
      const claimed = await client.query(CLAIM_IDEMPOTENCY_KEY_SQL, [principal, key, fingerprint, idempotency.ttlSeconds]);
      if (claimed.rowCount === 0) {
        // Already used (possibly by a concurrent attempt we just waited for): answer with what it stored. Nothing was
        // written, so the transaction ends the same whether it commits or rolls back.
        const stored = await findIdempotentResult(client, principal, key, idempotency);
        if (!stored) throw new Error(`idempotency key ${key} is claimed but has no stored result`);
        return replay(client, stored, key, fingerprint);
      }
      const result = await appendEvents(client, appends, embedded);
      await client.query(STORE_IDEMPOTENT_RESULT_SQL, [principal, key, JSON.stringify(toStoredAnswer(result))]);
      return result;
    });
  } catch (error) {
    // The versions are read after the failed statement's transaction has ended: an aborted one answers nothing.
    if ((error as { code?: string }).code === WRONG_EXPECTED_VERSION_SQLSTATE) throw await wrongExpectedVersion(pool, appends);
    throw error;
  }
}

export async function findIdempotentResult(
  queryable: ClientBase | Pool,
  principal: string,
  key: string,
  idempotency: IdempotencySettings,
): Promise<StoredIdempotentResult | null> {
  const { rows } = await queryable.query<StoredIdempotentResult>(FIND_IDEMPOTENT_RESULT_SQL, [principal, key, idempotency.ttlSeconds]);
  return rows[0] ?? null;
}

/**
 * The stored answer, marked as a replay, its events read back from the log; refused when the key was first used for
 * a different request.
 */
export async function replay(
  queryable: ClientBase | Pool,
  stored: StoredIdempotentResult,
  key: string,
  fingerprint: string | null,
): Promise<AppendResult> {
  if (fingerprint !== null && stored.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(key);
  const ids = stored.result.streams.flatMap((s) => s.eventIds);
  const { rows } = await queryable.query<EventRow>(READ_EVENTS_BY_ID_SQL, [ids]);
  const byId = new Map(rows.map((row) => [row.event_id, toRecordedEvent(row)]));
  return {
    position: stored.result.position,
    replayed: true,
    streams: stored.result.streams.map((s) => ({
      streamId: s.streamId,
      streamVersion: s.streamVersion,
      events: s.eventIds.map((id) => {
        const event = byId.get(id.toLowerCase());
        if (!event) throw new Error(`event ${id} of idempotency key ${key} is not in the log`);
        return event;
      }),
    })),
  };
}

function toStoredAnswer(result: AppendResult): StoredAnswer {
  return {
    position: result.position,
    streams: result.streams.map((s) => ({ streamId: s.streamId, streamVersion: s.streamVersion, eventIds: s.events.map((e) => e.eventId) })),
  };
}

async function appendEvents(queryable: Pool | ClientBase, appends: readonly StreamAppend[], embedded: boolean): Promise<AppendResult> {
  const rows = appends.flatMap((a) => a.events.map((event, i) => ({ append: a, event, streamVersion: a.expectedVersion + i + 1 })));
  const inserted = await queryable.query<AppendedRow>(
    hotStatement(embedded, 'event-store-append', APPEND_EVENTS_SQL, [
      appends.map((a) => a.streamId),
      appends.map((a) => a.expectedVersion),
      appends.map((a) => a.expectedVersion + a.events.length),
      null, // no NOTIFY inside the append's transaction: announced after its commit (migration 1763856900000)
      rows.map((r) => r.append.streamId),
      rows.map((r) => r.streamVersion),
      rows.map((r) => r.event.eventId),
      rows.map((r) => r.event.type),
      rows.map((r) => r.event.schemaVersion ?? 1),
      rows.map((r) => JSON.stringify(r.event.data)),
      rows.map((r) => JSON.stringify(r.event.metadata)),
      rows.map((r) => r.event.effectiveDate),
    ]),
  );
  const { transaction_id: transactionId, recorded_at: recordedAt } = inserted.rows[0];
  const positions = new Map(inserted.rows.map((r) => [r.event_id, r.position]));

  let lastPosition = 0n;
  const streams: StreamAppendResult[] = appends.map((a) => {
    const events = a.events.map((event, i): RecordedEvent => {
      // Postgres prints uuids in lower case; look the caller's id up the same way.
      const position = positions.get(event.eventId.toLowerCase());
      if (position === undefined) throw new Error(`event ${event.eventId} was not inserted`);
      if (BigInt(position) > lastPosition) lastPosition = BigInt(position);
      return {
        eventId: event.eventId,
        type: event.type,
        data: event.data,
        schemaVersion: event.schemaVersion ?? 1,
        streamId: a.streamId,
        streamVersion: a.expectedVersion + i + 1,
        position,
        transactionId,
        effectiveDate: event.effectiveDate,
        recordedAt,
        metadata: event.metadata,
      };
    });
    return { streamId: a.streamId, streamVersion: a.expectedVersion + a.events.length, events };
  });
  return {
    streams,
    position: encodeCursor({ transactionId, position: lastPosition.toString() }),
    replayed: false,
  };
}

/** Names the first stream that was not at its expected version, with the version it is actually at. */
async function wrongExpectedVersion(pool: Pool, appends: readonly StreamAppend[]): Promise<WrongExpectedVersionError> {
  const { rows } = await pool.query<{ stream_id: string; version: number }>(STREAM_VERSIONS_SQL, [appends.map((a) => a.streamId)]);
  const actual = new Map(rows.map((r) => [r.stream_id, r.version]));
  // Usually the stream that failed; when another append has moved it on again since, still a stream that is not where
  // this append expected it.
  const first = appends.find((a) => (actual.get(a.streamId) ?? 0) !== a.expectedVersion) ?? appends[0];
  return new WrongExpectedVersionError(first.streamId, first.expectedVersion, actual.get(first.streamId) ?? null);
}

function assertWellFormed(appends: readonly StreamAppend[]): void {
  if (appends.length === 0) throw new Error('an append needs at least one stream');
  const seen = new Set<string>();
  for (const a of appends) {
    if (seen.has(a.streamId)) throw new Error(`stream ${a.streamId} appears twice in one append`);
    seen.add(a.streamId);
    if (a.events.length === 0) throw new Error(`stream ${a.streamId} has no events to append`);
    if (!Number.isInteger(a.expectedVersion) || a.expectedVersion < 0) {
      throw new Error(`stream ${a.streamId} has an invalid expected version ${a.expectedVersion}`);
    }
  }
}
