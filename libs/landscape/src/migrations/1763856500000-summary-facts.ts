import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SUMMARY_FACTS_FROM_COLUMNS_SQL } from '../read-models/practice-versions/summary-facts.js';
import { LANDSCAPE_SCHEMA, PRACTICE_VERSIONS_TABLE, qualified, summaryIndexesSql } from '../schema/practice-versions.ddl.js';

/**
 * The packed summary facts and the two summary indexes that carry them. A database created after this change has the
 * column from the first migration; an older one gets it filled from the narrow columns it already holds.
 */
export class SummaryFacts1763856500000 implements MigrationInterface {
  name = 'SummaryFacts1763856500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const table = qualified(PRACTICE_VERSIONS_TABLE);
    await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS summary_facts text`);
    await queryRunner.query(`UPDATE ${table} SET summary_facts = ${SUMMARY_FACTS_FROM_COLUMNS_SQL} WHERE summary_facts IS NULL`);
    await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN summary_facts SET NOT NULL`);
    for (const sql of summaryIndexesSql(PRACTICE_VERSIONS_TABLE)) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const suffix of ['summary_believed', 'summary_superseded']) {
      await queryRunner.query(`DROP INDEX IF EXISTS ${LANDSCAPE_SCHEMA}.${PRACTICE_VERSIONS_TABLE}_${suffix}`);
    }
    await queryRunner.query(`ALTER TABLE ${qualified(PRACTICE_VERSIONS_TABLE)} DROP COLUMN IF EXISTS summary_facts`);
  }
}
