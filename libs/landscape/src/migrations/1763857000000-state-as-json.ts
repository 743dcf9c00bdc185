import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BitemporalPoints1763856800000 } from './1763856800000-bitemporal-points.js';

/** The reporting views and reporting.landscape_at over a json state, still showing it as jsonb (REPORTING.md). */
const VIEWS_OVER_JSON_STATE: readonly string[] = [
  `CREATE VIEW reporting.practice_versions AS
      SELECT ods_code, name, status, commissioner_code, contract_type, holder_kind, holder_id,
  provider_kind, provider_id, provider_name, trust_code, pcn_code, federations, partner_count, salaried_count,
  registered_patients, single_handed, without_partners,
        (state->>'openedOn')::date AS opened_on, (state->>'closedOn')::date AS closed_on,
        valid_from, valid_to, recorded_from, recorded_to, state::jsonb AS state
      FROM landscape.practice_versions`,
  `CREATE VIEW reporting.current_landscape AS
      SELECT ods_code, name, status, commissioner_code, contract_type, holder_kind, holder_id,
  provider_kind, provider_id, provider_name, trust_code, pcn_code, federations, partner_count, salaried_count,
  registered_patients, single_handed, without_partners,
        (state->>'openedOn')::date AS opened_on, (state->>'closedOn')::date AS closed_on,
        valid_from AS version_valid_from, recorded_from AS version_recorded_from, state::jsonb AS state
      FROM landscape.practice_versions
      WHERE recorded_to IS NULL AND valid_point <@ box(point(-100000000, ((current_date)::date - DATE '2000-01-01') + 1), point(((current_date)::date - DATE '2000-01-01'), 100000000))`,
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
          v.valid_from, v.valid_to, v.recorded_from, v.recorded_to, v.state::jsonb
        FROM landscape.practice_versions v
        WHERE v.valid_point <@ box(point(-100000000, ((as_of)::date - DATE '2000-01-01') + 1), point(((as_of)::date - DATE '2000-01-01'), 100000000)) AND v.recorded_point <@ box(point(-1000000000000000000, (extract(epoch FROM (known_at)::timestamptz - TIMESTAMPTZ '2000-01-01 00:00:00+00') * 1000000)::float8 + 1), point((extract(epoch FROM (known_at)::timestamptz - TIMESTAMPTZ '2000-01-01 00:00:00+00') * 1000000)::float8, 1000000000000000000))
      $$`,
];

/** The views that name the state column, which a change of its type must drop first. */
const DROP_STATE_VIEWS = [`DROP VIEW IF EXISTS reporting.practice_versions`, `DROP VIEW IF EXISTS reporting.current_landscape`];

/**
 * A version's state stored as json rather than jsonb. Nothing searches inside it (the narrow columns carry what reads
 * filter on); it is only written, by the hundred thousand in a rebuild, and read back whole. jsonb's conversion on
 * the way in was about 45% of loading a page by COPY on the embedded database, and json is output as stored. The
 * reporting surface still shows jsonb (its published type), converted when read.
 *
 * Until migration 1763857100000 replaces the step function, the rows it inserts take their state as jsonb, cast to
 * json on assignment. On an existing database, the change of type rewrites the table and its indexes under an exclusive lock
 * (a minute or two for the national history on 2 cores); reads wait meanwhile.
 */
export class StateAsJson1763857000000 implements MigrationInterface {
  readonly name = 'StateAsJson1763857000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DROP_STATE_VIEWS) await queryRunner.query(sql);
    await queryRunner.query(`ALTER TABLE landscape.practice_versions ALTER COLUMN state TYPE json USING state::json`);
    for (const sql of VIEWS_OVER_JSON_STATE) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DROP_STATE_VIEWS) await queryRunner.query(sql);
    await queryRunner.query(`ALTER TABLE landscape.practice_versions ALTER COLUMN state TYPE jsonb USING state::jsonb`);
    // The views and reporting.landscape_at as that migration wrote them (its other changes are already in place).
    await new BitemporalPoints1763856800000().up(queryRunner);
  }
}
