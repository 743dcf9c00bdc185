import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  LANDSCAPE_SCHEMA,
  PRACTICE_VERSIONS_TABLE,
  createCheckpointsTableSql,
  createPracticeVersionsTableSql,
} from '../schema/practice-versions.ddl.js';

/** The landscape projection: bitemporal practice versions and the projectors' checkpoints. */
export class CreateLandscapeProjections1763856100000 implements MigrationInterface {
  name = 'CreateLandscapeProjections1763856100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS ${LANDSCAPE_SCHEMA}`);
    for (const sql of [...createPracticeVersionsTableSql(PRACTICE_VERSIONS_TABLE), ...createCheckpointsTableSql()]) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA ${LANDSCAPE_SCHEMA} CASCADE`);
  }
}
