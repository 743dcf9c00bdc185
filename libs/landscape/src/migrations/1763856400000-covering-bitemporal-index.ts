import type { MigrationInterface, QueryRunner } from 'typeorm';
import { bitemporalIndexSql, PRACTICE_VERSIONS_TABLE, qualified } from '../schema/practice-versions.ddl.js';

/** The bitemporal index carries the summary's columns, so whole-landscape reads no longer visit the wide rows. */
export class CoveringBitemporalIndex1763856400000 implements MigrationInterface {
  name = 'CoveringBitemporalIndex1763856400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS landscape.${PRACTICE_VERSIONS_TABLE}_bitemporal`);
    await queryRunner.query(bitemporalIndexSql(PRACTICE_VERSIONS_TABLE));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS landscape.${PRACTICE_VERSIONS_TABLE}_bitemporal`);
    await queryRunner.query(`CREATE INDEX ${PRACTICE_VERSIONS_TABLE}_bitemporal ON ${qualified(PRACTICE_VERSIONS_TABLE)} USING gist (valid, recorded)`);
  }
}
