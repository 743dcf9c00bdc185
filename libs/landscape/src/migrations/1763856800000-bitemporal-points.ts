import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RECORDED_POINT_SQL, VALID_POINT_SQL } from '../schema/bitemporal-points.sql.js';
import {
  bitemporalIndexSql,
  LANDSCAPE_SCHEMA,
  PRACTICE_VERSIONS_TABLE,
  qualified,
  summaryBelievedIndexSql,
} from '../schema/practice-versions.ddl.js';
import {
  createPracticeVersionViewsSql,
  dropPracticeVersionViewsSql,
  landscapeAtFunctionSql,
} from '../schema/reporting-views.ddl.js';

/** The two whole-landscape indexes this migration re-keys, and the range key each had before. */
const REKEYED = [
  { suffix: 'bitemporal', create: bitemporalIndexSql, rangeKey: 'valid, recorded' },
  { suffix: 'summary_believed', create: summaryBelievedIndexSql, rangeKey: 'valid' },
] as const;

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
    await queryRunner.query(
      `ALTER TABLE ${qualified(PRACTICE_VERSIONS_TABLE)}
         ADD COLUMN IF NOT EXISTS valid_point point GENERATED ALWAYS AS (${VALID_POINT_SQL}) STORED,
         ADD COLUMN IF NOT EXISTS recorded_point point GENERATED ALWAYS AS (${RECORDED_POINT_SQL}) STORED`,
    );
    for (const index of REKEYED) {
      const name = `${PRACTICE_VERSIONS_TABLE}_${index.suffix}`;
      const rows: { indexdef: string }[] = await queryRunner.query(
        `SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = $2`,
        [LANDSCAPE_SCHEMA, name],
      );
      if (rows[0]?.indexdef.includes('valid_point')) continue;
      await queryRunner.query(`DROP INDEX IF EXISTS ${LANDSCAPE_SCHEMA}.${name}`);
      await queryRunner.query(index.create(PRACTICE_VERSIONS_TABLE));
    }
    for (const sql of [...dropPracticeVersionViewsSql(), ...createPracticeVersionViewsSql(), landscapeAtFunctionSql()]) {
      await queryRunner.query(sql);
    }
  }

  /**
   * Back to range-keyed indexes. The point columns stay, since the views and reporting.landscape_at read them (without
   * an index, until this migration runs again).
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of REKEYED) {
      const name = `${PRACTICE_VERSIONS_TABLE}_${index.suffix}`;
      await queryRunner.query(`DROP INDEX IF EXISTS ${LANDSCAPE_SCHEMA}.${name}`);
      await queryRunner.query(index.create(PRACTICE_VERSIONS_TABLE, index.rangeKey));
    }
  }
}
