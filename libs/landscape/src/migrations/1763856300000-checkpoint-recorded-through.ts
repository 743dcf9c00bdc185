import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The statements of `up`, frozen here so that this migration means the same whatever the live code becomes. */
const UP: readonly string[] = [
  `ALTER TABLE landscape.projection_checkpoints ADD COLUMN IF NOT EXISTS recorded_through timestamptz`,
  `CREATE OR REPLACE VIEW reporting.projection_status AS
      SELECT name AS projection, projection_version, transaction_id, position, stable_horizon, events_applied, updated_at,
        recorded_through
      FROM landscape.projection_checkpoints`,
];

/** The statements of `down`. */
const DOWN: readonly string[] = [
  `DROP VIEW reporting.projection_status`,
  `ALTER TABLE landscape.projection_checkpoints DROP COLUMN recorded_through`,
  `CREATE VIEW reporting.projection_status AS
      SELECT name AS projection, projection_version, transaction_id, position, stable_horizon, events_applied, updated_at
      FROM landscape.projection_checkpoints`,
];

/**
 * Checkpoints remember the latest recordedAt applied, so the horizon cursor (what minPosition waits for) moves only
 * once the stable horizon covers every applied event.
 */
export class CheckpointRecordedThrough1763856300000 implements MigrationInterface {
  name = 'CheckpointRecordedThrough1763856300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DOWN) await queryRunner.query(sql);
  }
}
