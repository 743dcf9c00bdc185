import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One append as one call: stream versions checked and moved, the clock read, listeners notified and the events
 * inserted, in a single statement. Without an idempotency key an append is then one round trip in its own implicit
 * transaction instead of four (BEGIN, advance, insert, COMMIT); with a key it runs inside the key's transaction.
 *
 * A stream not at its expected version raises SQLSTATE ES409 and the whole statement (any stream already moved
 * included) is undone. The function first moves the streams (assigning the transaction id) and only then reads the
 * clock: the stable horizon relies on that order (see read-all.sql.ts).
 */
export class AppendFunction1763856600000 implements MigrationInterface {
  readonly name = 'AppendFunction1763856600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(appendFunctionSql('always'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP FUNCTION IF EXISTS event_store.append_events(text[], int[], int[], text, text[], int[], uuid[], text[], int[], text[], text[], date[])',
    );
  }
}

/**
 * The function's text. `always`: as first created, notifying `channel` inside the append's transaction.
 * `when-channel-given`: only when a channel is passed (migration 1763856900000 says why appends no longer pass one).
 */
export function appendFunctionSql(notify: 'always' | 'when-channel-given'): string {
  const notifyStatement =
    notify === 'always'
      ? `PERFORM pg_notify(channel, '');`
      : `IF channel IS NOT NULL THEN
    PERFORM pg_notify(channel, '');
  END IF;`;
  return `
CREATE OR REPLACE FUNCTION event_store.append_events(
  stream_ids text[], expected_versions int[], new_versions int[], channel text,
  event_stream_ids text[], event_stream_versions int[], event_ids uuid[], event_types text[], event_schema_versions int[],
  event_data text[], event_metadata text[], event_effective_dates date[])
RETURNS TABLE (appended_event_id text, appended_position text, appended_transaction_id text, appended_recorded_at text)
LANGUAGE plpgsql AS $fn$
DECLARE
  moved text[];
  xid text;
  at text;
BEGIN
  WITH wanted AS (
    SELECT * FROM unnest(stream_ids, expected_versions, new_versions) AS w(stream_id, expected_version, new_version)
  ),
  advanced AS (
    UPDATE event_store.streams s
       SET version = w.new_version
      FROM wanted w
     WHERE w.expected_version > 0 AND s.stream_id = w.stream_id AND s.version = w.expected_version
    RETURNING s.stream_id
  ),
  created AS (
    INSERT INTO event_store.streams (stream_id, version)
    SELECT w.stream_id, w.new_version FROM wanted w WHERE w.expected_version = 0
    ON CONFLICT (stream_id) DO NOTHING
    RETURNING stream_id
  )
  SELECT array(SELECT stream_id FROM advanced UNION ALL SELECT stream_id FROM created) INTO moved;
  IF cardinality(moved) <> cardinality(stream_ids) THEN
    RAISE EXCEPTION 'a stream is not at its expected version' USING ERRCODE = 'ES409';
  END IF;
  xid := pg_current_xact_id()::text;
  at := to_char(date_trunc('milliseconds', clock_timestamp()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  ${notifyStatement}
  RETURN QUERY
    INSERT INTO event_store.events
      (stream_id, stream_version, event_id, type, schema_version, data, metadata, effective_date, recorded_at)
    SELECT e.stream_id, e.stream_version, e.event_id, e.type, e.schema_version, e.data::jsonb, e.metadata::jsonb, e.effective_date,
           at::timestamptz
      FROM unnest(event_stream_ids, event_stream_versions, event_ids, event_types, event_schema_versions, event_data,
                  event_metadata, event_effective_dates)
           AS e(stream_id, stream_version, event_id, type, schema_version, data, metadata, effective_date)
    RETURNING event_store.events.event_id::text, event_store.events.position::text, xid, at;
END
$fn$`;
}
