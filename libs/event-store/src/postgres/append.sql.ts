import { RECORDING_CLOCK } from './event-row.js';

/**
 * The statements of one append transaction, in the order they run. Batches stay at a fixed number of round trips
 * whatever their size: all stream versions are checked in one statement, all events inserted in another, both over
 * unnest()ed arrays.
 */

/** Claims the key first, so a concurrent duplicate waits here for the first attempt and then finds its result. */
export const CLAIM_IDEMPOTENCY_KEY_SQL = `
INSERT INTO event_store.idempotency_keys (key, fingerprint)
VALUES ($1, $2)
ON CONFLICT (key) DO NOTHING
RETURNING key`;

export const FIND_IDEMPOTENT_RESULT_SQL = `
SELECT fingerprint, result
  FROM event_store.idempotency_keys
 WHERE key = $1 AND result IS NOT NULL`;

export const STORE_IDEMPOTENT_RESULT_SQL = `
UPDATE event_store.idempotency_keys SET result = $2::jsonb WHERE key = $1`;

/**
 * Moves every stream from its expected version to its new one, or creates it when expected is 0. A row lock makes a
 * racing append wait; when the winner commits, the loser's UPDATE re-checks `version = expected` on the new row and
 * matches nothing (its INSERT ... ON CONFLICT likewise does nothing), so at most one of them advances the stream.
 *
 * The same statement returns the transaction id (assigning it if needed) and THEN reads the clock for recordedAt:
 * the CASE evaluates pg_current_xact_id() before clock_timestamp(). The stable horizon relies on this order
 * (see read-all.sql.ts). pg_notify is delivered to listeners only if and when the transaction commits.
 *
 * $1 stream ids, $2 expected versions, $3 new versions, $4 notification channel.
 */
export const ADVANCE_STREAMS_SQL = `
WITH wanted AS (
  SELECT * FROM unnest($1::text[], $2::int[], $3::int[]) AS w(stream_id, expected_version, new_version)
),
advanced AS (
  UPDATE event_store.streams s
     SET version = w.new_version
    FROM wanted w
   WHERE w.expected_version > 0
     AND s.stream_id = w.stream_id
     AND s.version = w.expected_version
  RETURNING s.stream_id
),
created AS (
  INSERT INTO event_store.streams (stream_id, version)
  SELECT w.stream_id, w.new_version FROM wanted w WHERE w.expected_version = 0
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING stream_id
)
SELECT array(SELECT stream_id FROM advanced UNION ALL SELECT stream_id FROM created) AS advanced_stream_ids,
       pg_current_xact_id()::text AS transaction_id,
       CASE WHEN pg_current_xact_id() IS NOT NULL
            THEN ${RECORDING_CLOCK}
       END AS recorded_at,
       pg_notify($4, '') IS NULL AS notified`;

export const STREAM_VERSIONS_SQL = `
SELECT stream_id, version FROM event_store.streams WHERE stream_id = ANY($1::text[])`;

/**
 * One multi-row insert for the whole batch. Positions come from the identity in row order; transaction_id defaults
 * to the current transaction. $1..$8 are parallel arrays, $9 the recordedAt of the whole append.
 */
export const INSERT_EVENTS_SQL = `
INSERT INTO event_store.events
  (stream_id, stream_version, event_id, type, schema_version, data, metadata, effective_date, recorded_at)
SELECT e.stream_id, e.stream_version, e.event_id, e.type, e.schema_version,
       e.data::jsonb, e.metadata::jsonb, e.effective_date, $9::timestamptz
  FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::date[])
       AS e(stream_id, stream_version, event_id, type, schema_version, data, metadata, effective_date)
RETURNING event_id::text AS event_id, position::text AS position`;
