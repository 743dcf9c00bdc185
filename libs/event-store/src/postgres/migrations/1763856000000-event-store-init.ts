import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log, stream versions and idempotency keys, in their own schema. The log is append-only by construction:
 * statement-level triggers refuse UPDATE, DELETE and TRUNCATE (even ones that would touch no row).
 */
export class EventStoreInit1763856000000 implements MigrationInterface {
  readonly name = 'EventStoreInit1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA event_store CASCADE');
  }
}

const UP = [
  `CREATE SCHEMA IF NOT EXISTS event_store`,

  `CREATE TABLE event_store.streams (
    stream_id text PRIMARY KEY,
    version integer NOT NULL CHECK (version > 0)
  )`,

  // Readers of the whole log go in (transaction_id, position) order (see postgres/read-all.sql.ts), so that is the
  // primary key: it serves them, and position (an identity) needs no index of its own, one less to maintain per row.
  `CREATE TABLE event_store.events (
    position bigint GENERATED ALWAYS AS IDENTITY,
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    stream_id text NOT NULL,
    stream_version integer NOT NULL CHECK (stream_version > 0),
    event_id uuid NOT NULL,
    type text NOT NULL,
    schema_version integer NOT NULL DEFAULT 1,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    effective_date date NOT NULL,
    recorded_at timestamptz NOT NULL,
    CONSTRAINT events_pkey PRIMARY KEY (transaction_id, position),
    CONSTRAINT events_event_id_unique UNIQUE (event_id),
    CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
  )`,

  `CREATE FUNCTION event_store.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'event_store.events is append-only: % is not allowed', TG_OP
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'Correct an event by appending a new one (e.g. EventRetracted).';
  END
  $$`,

  `CREATE TRIGGER events_refuse_update_delete BEFORE UPDATE OR DELETE ON event_store.events
    FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_event_change()`,

  `CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON event_store.events
    FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_event_change()`,

  `CREATE TABLE event_store.idempotency_keys (
    key text PRIMARY KEY,
    fingerprint text,
    result jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
];
