/**
 * The statements of an append. Batches stay at a fixed number of round trips whatever their size: streams and events
 * go over as unnest()ed arrays.
 */

/**
 * Claims the principal's key first, so a concurrent duplicate waits here for the first attempt and then finds its
 * result. A key older than the time-to-live ($4, seconds) is claimed afresh, as if it had never been used.
 */
export const CLAIM_IDEMPOTENCY_KEY_SQL = `
INSERT INTO event_store.idempotency_keys AS k (principal, key, fingerprint)
VALUES ($1, $2, $3)
ON CONFLICT (principal, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, result = NULL, created_at = now()
 WHERE k.created_at < now() - make_interval(secs => $4)
RETURNING key`;

export const FIND_IDEMPOTENT_RESULT_SQL = `
SELECT fingerprint, result
  FROM event_store.idempotency_keys
 WHERE principal = $1 AND key = $2 AND result IS NOT NULL AND created_at >= now() - make_interval(secs => $3)`;

export const STORE_IDEMPOTENT_RESULT_SQL = `
UPDATE event_store.idempotency_keys SET result = $3::jsonb WHERE principal = $1 AND key = $2`;

/** Expired keys, a bounded batch at a time so that pruning never holds many rows at once. */
export const PRUNE_IDEMPOTENCY_KEYS_SQL = `
DELETE FROM event_store.idempotency_keys
 WHERE ctid IN (SELECT ctid FROM event_store.idempotency_keys
                 WHERE created_at < now() - make_interval(secs => $1) LIMIT 10000)`;

/**
 * The whole append in one call of event_store.append_events (migration 1763856600000, which explains its guarantees):
 * every stream moved from its expected version to its new one (created when expected is 0), the clock read after the
 * transaction id is assigned, all events inserted in one multi-row insert (listeners are told after the commit, see
 * NotificationSignal.announce). A racing append on the same stream waits on the stream's row lock and, once the
 * winner commits, finds the version moved and fails with WRONG_EXPECTED_VERSION_SQLSTATE, undoing everything it did.
 *
 * $1 stream ids, $2 expected versions, $3 new versions, $4 notification channel (null: none); $5..$12 the events as
 * parallel arrays (stream id, stream version, event id, type, schema version, data, metadata, effective date).
 */
export const APPEND_EVENTS_SQL = `
SELECT appended_event_id AS event_id, appended_position AS position,
       appended_transaction_id AS transaction_id, appended_recorded_at AS recorded_at
  FROM event_store.append_events($1::text[], $2::int[], $3::int[], $4::text,
                                 $5::text[], $6::int[], $7::uuid[], $8::text[], $9::int[], $10::text[], $11::text[], $12::date[])`;

export interface AppendedRow {
  readonly event_id: string;
  readonly position: string;
  readonly transaction_id: string;
  readonly recorded_at: string;
}

export const WRONG_EXPECTED_VERSION_SQLSTATE = 'ES409';

export const STREAM_VERSIONS_SQL = `
SELECT stream_id, version FROM event_store.streams WHERE stream_id = ANY($1::text[])`;
