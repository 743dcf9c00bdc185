import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The two whole-landscape indexes this migration re-keys: each one's statement keyed by points, and by ranges before. */
const REKEYED = [
  {
    name: 'practice_versions_bitemporal',
    byPoints: `CREATE INDEX practice_versions_bitemporal ON landscape.practice_versions USING gist (valid_point, recorded_point) INCLUDE (status, commissioner_code, contract_type, holder_kind, provider_kind, provider_id, trust_code, pcn_code, federations, partner_count, salaried_count, registered_patients, single_handed, without_partners)`,
    byRanges: `CREATE INDEX practice_versions_bitemporal ON landscape.practice_versions USING gist (valid, recorded) INCLUDE (status, commissioner_code, contract_type, holder_kind, provider_kind, provider_id, trust_code, pcn_code, federations, partner_count, salaried_count, registered_patients, single_handed, without_partners)`,
  },
  {
    name: 'practice_versions_summary_believed',
    byPoints: `CREATE INDEX IF NOT EXISTS practice_versions_summary_believed ON landscape.practice_versions USING gist (valid_point) INCLUDE (recorded_from, summary_facts)
       WHERE recorded_to IS NULL AND status = 'open'`,
    byRanges: `CREATE INDEX IF NOT EXISTS practice_versions_summary_believed ON landscape.practice_versions USING gist (valid) INCLUDE (recorded_from, summary_facts)
       WHERE recorded_to IS NULL AND status = 'open'`,
  },
] as const;

const ADD_POINT_COLUMNS = `ALTER TABLE landscape.practice_versions
         ADD COLUMN IF NOT EXISTS valid_point point GENERATED ALWAYS AS (point((valid_from - DATE '2000-01-01'), coalesce((valid_to - DATE '2000-01-01'), 100000000))) STORED,
         ADD COLUMN IF NOT EXISTS recorded_point point GENERATED ALWAYS AS (point((extract(epoch FROM recorded_from - TIMESTAMPTZ '2000-01-01 00:00:00+00') * 1000000)::float8, coalesce((extract(epoch FROM recorded_to - TIMESTAMPTZ '2000-01-01 00:00:00+00') * 1000000)::float8, 1000000000000000000))) STORED`;

/** The reporting views and reporting.landscape_at, written again over the point columns. */
const VIEWS: readonly string[] = [
  `DROP VIEW IF EXISTS reporting.practice_versions`,
  `DROP VIEW IF EXISTS reporting.current_landscape`,
  `DROP VIEW IF EXISTS reporting.providers`,
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
];

/**
 * The whole-landscape indexes keyed by points instead of ranges (see bitemporal-points.sql.ts): a rebuild then builds
 * them by sorting, several times faster. Adds the generated point columns, re-keys the bitemporal and believed-summary
 * indexes, and points the reporting views and reporting.landscape_at at the new columns.
 *
 * A database created after this change has the columns and indexes from the first migrations, and they are left as
 * they are (the views and the function are written again, the same). On an older one, adding the stored columns
 * rewrites the table under an exclusive lock (about 90 s for the national history on 2 cores); reads wait meanwhile.
 */
export class BitemporalPoints1763856800000 implements MigrationInterface {
  readonly name = 'BitemporalPoints1763856800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ADD_POINT_COLUMNS);
    for (const index of REKEYED) {
      const rows: { indexdef: string }[] = await queryRunner.query(
        `SELECT indexdef FROM pg_indexes WHERE schemaname = 'landscape' AND indexname = $1`,
        [index.name],
      );
      if (rows[0]?.indexdef.includes('valid_point')) continue;
      await queryRunner.query(`DROP INDEX IF EXISTS landscape.${index.name}`);
      await queryRunner.query(index.byPoints);
    }
    for (const sql of VIEWS) await queryRunner.query(sql);
  }

  /**
   * Back to range-keyed indexes. The point columns stay, since the views and reporting.landscape_at read them (without
   * an index, until this migration runs again).
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of REKEYED) {
      await queryRunner.query(`DROP INDEX IF EXISTS landscape.${index.name}`);
      await queryRunner.query(index.byRanges);
    }
  }
}
