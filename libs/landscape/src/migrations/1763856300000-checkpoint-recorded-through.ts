import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHECKPOINTS_TABLE, qualified } from '../schema/practice-versions.ddl.js';
import { replaceProjectionStatusViewSql } from '../schema/reporting-views.ddl.js';

/**
 * Checkpoints remember the latest recordedAt applied, so the horizon cursor (what minPosition waits for) moves only
 * once the stable horizon covers every applied event.
 */
export class CheckpointRecordedThrough1763856300000 implements MigrationInterface {
  name = 'CheckpointRecordedThrough1763856300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${qualified(CHECKPOINTS_TABLE)} ADD COLUMN IF NOT EXISTS recorded_through timestamptz`);
    await queryRunner.query(replaceProjectionStatusViewSql());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW reporting.projection_status`);
    await queryRunner.query(`ALTER TABLE ${qualified(CHECKPOINTS_TABLE)} DROP COLUMN recorded_through`);
    await queryRunner.query(`CREATE VIEW reporting.projection_status AS
      SELECT name AS projection, projection_version, transaction_id, position, stable_horizon, events_applied, updated_at
      FROM ${qualified(CHECKPOINTS_TABLE)}`);
  }
}
