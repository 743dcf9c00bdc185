import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REPORTING_SCHEMA, createPracticeVersionViewsSql, createReportingSupportSql } from '../schema/reporting-views.ddl.js';

/** The `reporting` schema: stable SQL views over the landscape projection for BI tools (see REPORTING.md). */
export class CreateReportingViews1763856200000 implements MigrationInterface {
  name = 'CreateReportingViews1763856200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS ${REPORTING_SCHEMA}`);
    for (const sql of [...createPracticeVersionViewsSql(), ...createReportingSupportSql()]) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA ${REPORTING_SCHEMA} CASCADE`);
  }
}
