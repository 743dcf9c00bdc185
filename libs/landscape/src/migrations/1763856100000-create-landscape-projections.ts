import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The statements of `up`, frozen here so that this migration means the same whatever the live code becomes. */
const UP: readonly string[] = [
  `CREATE SCHEMA IF NOT EXISTS landscape`,
  `CREATE TABLE landscape.practice_versions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      ods_code text NOT NULL,
      valid_from date NOT NULL,
      valid_to date,
      recorded_from timestamptz NOT NULL,
      recorded_to timestamptz,
      valid daterange GENERATED ALWAYS AS (daterange(valid_from, valid_to, '[)')) STORED,
      recorded tstzrange GENERATED ALWAYS AS (tstzrange(recorded_from, recorded_to, '[)')) STORED,
      valid_point point GENERATED ALWAYS AS (point((valid_from - DATE '2000-01-01'), coalesce((valid_to - DATE '2000-01-01'), 100000000))) STORED,
      recorded_point point GENERATED ALWAYS AS (point((extract(epoch FROM recorded_from - TIMESTAMPTZ '2000-01-01 00:00:00+00') * 1000000)::float8, coalesce((extract(epoch FROM recorded_to - TIMESTAMPTZ '2000-01-01 00:00:00+00') * 1000000)::float8, 1000000000000000000))) STORED,
      status text NOT NULL,
      name text NOT NULL,
      commissioner_code text,
      contract_type text,
      holder_kind text,
      holder_id text,
      provider_kind text,
      provider_id text,
      provider_name text,
      trust_code text,
      pcn_code text,
      federations text[] NOT NULL DEFAULT '{}',
      partner_count integer NOT NULL,
      salaried_count integer NOT NULL,
      registered_patients integer,
      single_handed boolean NOT NULL,
      without_partners boolean NOT NULL,
      summary_facts text NOT NULL,
      state jsonb NOT NULL,
      CONSTRAINT practice_versions_valid_order CHECK (valid_to IS NULL OR valid_to > valid_from),
      CONSTRAINT practice_versions_recorded_order CHECK (recorded_to IS NULL OR recorded_to > recorded_from)
    )`,
  `CREATE UNIQUE INDEX practice_versions_current ON landscape.practice_versions (ods_code, valid_from) WHERE recorded_to IS NULL`,
  `CREATE INDEX practice_versions_bitemporal ON landscape.practice_versions USING gist (valid_point, recorded_point) INCLUDE (status, commissioner_code, contract_type, holder_kind, provider_kind, provider_id, trust_code, pcn_code, federations, partner_count, salaried_count, registered_patients, single_handed, without_partners)`,
  `CREATE INDEX IF NOT EXISTS practice_versions_summary_believed ON landscape.practice_versions USING gist (valid_point) INCLUDE (recorded_from, summary_facts)
       WHERE recorded_to IS NULL AND status = 'open'`,
  `CREATE INDEX IF NOT EXISTS practice_versions_summary_superseded ON landscape.practice_versions USING gist (valid, recorded) INCLUDE (summary_facts)
       WHERE recorded_to IS NOT NULL AND status = 'open'`,
  `CREATE INDEX practice_versions_by_practice ON landscape.practice_versions (ods_code, valid_from, recorded_from)`,
  `CREATE TABLE landscape.projection_checkpoints (
      name text PRIMARY KEY,
      transaction_id bigint,
      position bigint,
      stable_horizon timestamptz,
      horizon_transaction_id bigint,
      horizon_position bigint,
      projection_version integer NOT NULL,
      events_applied bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
];

/** The statements of `down`. */
const DOWN: readonly string[] = [`DROP SCHEMA landscape CASCADE`];

/** The landscape projection: bitemporal practice versions and the projectors' checkpoints. */
export class CreateLandscapeProjections1763856100000 implements MigrationInterface {
  name = 'CreateLandscapeProjections1763856100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DOWN) await queryRunner.query(sql);
  }
}
