import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The statements of `up`, frozen here so that this migration means the same whatever the live code becomes. */
const UP: readonly string[] = [
  `CREATE SCHEMA IF NOT EXISTS reporting`,
  `CREATE VIEW reporting.practice_versions AS
      SELECT ods_code, name, status, commissioner_code, contract_type, holder_kind, holder_id,
  provider_kind, provider_id, provider_name, trust_code, pcn_code, federations, partner_count, salaried_count,
  registered_patients, single_handed, without_partners,
        (state->>'openedOn')::date AS opened_on, (state->>'closedOn')::date AS closed_on,
        valid_from, valid_to, recorded_from, recorded_to, state
      FROM landscape.practice_versions`,
  `CREATE VIEW reporting.current_landscape AS
      SELECT ods_code, name, status, commissioner_code, contract_type, holder_kind, holder_id,
  provider_kind, provider_id, provider_name, trust_code, pcn_code, federations, partner_count, salaried_count,
  registered_patients, single_handed, without_partners,
        (state->>'openedOn')::date AS opened_on, (state->>'closedOn')::date AS closed_on,
        valid_from AS version_valid_from, recorded_from AS version_recorded_from, state
      FROM landscape.practice_versions
      WHERE recorded_to IS NULL AND valid_point <@ box(point(-100000000, ((current_date)::date - DATE '2000-01-01') + 1), point(((current_date)::date - DATE '2000-01-01'), 100000000))`,
  `CREATE VIEW reporting.providers AS
      SELECT provider_kind, provider_id, max(provider_name) AS provider_name,
        count(*)::integer AS practices, coalesce(sum(registered_patients), 0)::bigint AS registered_patients
      FROM landscape.practice_versions
      WHERE recorded_to IS NULL AND valid_point <@ box(point(-100000000, ((current_date)::date - DATE '2000-01-01') + 1), point(((current_date)::date - DATE '2000-01-01'), 100000000)) AND status = 'open' AND provider_id IS NOT NULL
      GROUP BY provider_kind, provider_id`,
  `CREATE OR REPLACE FUNCTION reporting.landscape_at(as_of date, known_at timestamptz DEFAULT now())
      RETURNS TABLE (ods_code text, name text, status text, commissioner_code text, contract_type text,
        holder_kind text, holder_id text, provider_kind text, provider_id text, provider_name text, trust_code text,
        pcn_code text, federations text[], partner_count integer, salaried_count integer, registered_patients integer,
        single_handed boolean, without_partners boolean, opened_on date, closed_on date, valid_from date,
        valid_to date, recorded_from timestamptz, recorded_to timestamptz, state jsonb)
      LANGUAGE sql STABLE AS $$
        SELECT v.ods_code, v.name, v.status, v.commissioner_code, v.contract_type, v.holder_kind, v.holder_id,
  v.provider_kind, v.provider_id, v.provider_name, v.trust_code, v.pcn_code, v.federations, v.partner_count, v.salaried_count,
  v.registered_patients, v.single_handed, v.without_partners,
          (v.state->>'openedOn')::date, (v.state->>'closedOn')::date,
          v.valid_from, v.valid_to, v.recorded_from, v.recorded_to, v.state
        FROM landscape.practice_versions v
        WHERE v.valid_point <@ box(point(-100000000, ((as_of)::date - DATE '2000-01-01') + 1), point(((as_of)::date - DATE '2000-01-01'), 100000000)) AND v.recorded_point <@ box(point(-1000000000000000000, (extract(epoch FROM (known_at)::timestamptz - TIMESTAMPTZ '2000-01-01 00:00:00+00') * 1000000)::float8 + 1), point((extract(epoch FROM (known_at)::timestamptz - TIMESTAMPTZ '2000-01-01 00:00:00+00') * 1000000)::float8, 1000000000000000000))
      $$`,
  `CREATE VIEW reporting.projection_status AS
      SELECT name AS projection, projection_version, transaction_id, position, stable_horizon, events_applied, updated_at
      FROM landscape.projection_checkpoints`,
];

/** The statements of `down`. */
const DOWN: readonly string[] = [`DROP SCHEMA reporting CASCADE`];

/** The `reporting` schema: stable SQL views over the landscape projection for BI tools (see REPORTING.md). */
export class CreateReportingViews1763856200000 implements MigrationInterface {
  name = 'CreateReportingViews1763856200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DOWN) await queryRunner.query(sql);
  }
}
