import type { MigrationInterface, QueryRunner } from 'typeorm';

const UP = [
  // Which versions changed in recorded time after an instant: inserted since, or closed since.
  `CREATE INDEX IF NOT EXISTS practice_versions_last_recorded ON landscape.practice_versions (greatest(recorded_from, recorded_to))`,
  // Statistics of the new expression, without which the planner takes "changed since F" for a third of the table.
  `ANALYZE landscape.practice_versions`,
  `CREATE TABLE landscape.trend_fold (
    name text PRIMARY KEY,
    folded_through timestamptz,
    band_mins bigint[] NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE landscape.trend_deltas (
    figure text NOT NULL,
    key text NOT NULL,
    valid_on date NOT NULL,
    delta bigint NOT NULL,
    CONSTRAINT trend_deltas_pkey PRIMARY KEY (figure, key, valid_on)
  )`,
  `CREATE TABLE landscape.trend_provider_practices (
    provider_kind text NOT NULL,
    provider_id text NOT NULL,
    ods_code text NOT NULL,
    CONSTRAINT trend_provider_practices_pkey PRIMARY KEY (provider_kind, provider_id, ods_code)
  )`,
  `INSERT INTO landscape.trend_fold (name, folded_through, band_mins) VALUES ('practice_versions', NULL, '{0,20000,100000}')`,
];

const DOWN = [
  `DROP TABLE IF EXISTS landscape.trend_provider_practices`,
  `DROP TABLE IF EXISTS landscape.trend_deltas`,
  `DROP TABLE IF EXISTS landscape.trend_fold`,
  `DROP INDEX IF EXISTS landscape.practice_versions_last_recorded`,
];

/** The national trend's model (read-models/landscape-trend), folded off the projector's step, and the index it scans. */
export class TrendModel1763856900000 implements MigrationInterface {
  readonly name = 'TrendModel1763856900000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of UP) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const sql of DOWN) await runner.query(sql);
  }
}
