import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The statements of `up`, frozen here so that this migration means the same whatever the live code becomes. */
const UP: readonly string[] = [
  `ALTER TABLE landscape.practice_versions ADD COLUMN IF NOT EXISTS summary_facts text`,
  `UPDATE landscape.practice_versions SET summary_facts = json_build_array(
  commissioner_code, contract_type, holder_kind, provider_kind, provider_id, trust_code, pcn_code,
  partner_count, salaried_count, registered_patients, single_handed, without_partners, to_json(federations))::text WHERE summary_facts IS NULL`,
  `ALTER TABLE landscape.practice_versions ALTER COLUMN summary_facts SET NOT NULL`,
  `CREATE INDEX IF NOT EXISTS practice_versions_summary_believed ON landscape.practice_versions USING gist (valid_point) INCLUDE (recorded_from, summary_facts)
       WHERE recorded_to IS NULL AND status = 'open'`,
  `CREATE INDEX IF NOT EXISTS practice_versions_summary_superseded ON landscape.practice_versions USING gist (valid, recorded) INCLUDE (summary_facts)
       WHERE recorded_to IS NOT NULL AND status = 'open'`,
];

/** The statements of `down`. */
const DOWN: readonly string[] = [
  `DROP INDEX IF EXISTS landscape.practice_versions_summary_believed`,
  `DROP INDEX IF EXISTS landscape.practice_versions_summary_superseded`,
  `ALTER TABLE landscape.practice_versions DROP COLUMN IF EXISTS summary_facts`,
];

/**
 * The packed summary facts and the two summary indexes that carry them. A database created after this change has the
 * column from the first migration; an older one gets it filled from the narrow columns it already holds.
 */
export class SummaryFacts1763856500000 implements MigrationInterface {
  name = 'SummaryFacts1763856500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DOWN) await queryRunner.query(sql);
  }
}
