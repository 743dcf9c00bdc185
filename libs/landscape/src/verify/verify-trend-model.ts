import type pg from 'pg';
import { isoInstantSql } from '../application/shared/read-time.sql.js';
import { PRACTICE_VERSIONS_TABLE } from '../schema/practice-versions.ddl.js';
import { TREND_DELTAS, TREND_FOLD, trendChangesCtes } from '../read-models/landscape-trend/trend-changes.sql.js';

/** The trend model against a fresh derivation of the belief it was folded at; null while nothing is folded. */
export interface TrendModelCheck {
  readonly foldedThrough: string;
  /** (figure, key, date) changes that differ, counting a row on either side only. */
  readonly differing: number;
}

const DIFFERING_SQL = `
  WITH ${trendChangesCtes({ foldedThrough: null, knownAt: '$1::timestamptz', bandMins: '$2::bigint[]' })}
  SELECT count(*)::int AS differing
    FROM ${TREND_DELTAS} d FULL JOIN trend_changes c USING (figure, key, valid_on)
   WHERE d.delta IS DISTINCT FROM c.delta`;

/**
 * Derives the model afresh from the versions, in the snapshot the folded model is read in (a read-only transaction:
 * a standby can check its copy too), and counts what differs. It reads every version once.
 */
export async function verifyTrendModel(pool: pg.Pool): Promise<TrendModelCheck | null> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const sql of [`SET LOCAL statement_timeout = 0`, `SET LOCAL work_mem = '256MB'`, `SET LOCAL jit = off`]) await client.query(sql);
    const { rows } = await client.query<{ folded_through: string | null; band_mins: string[] }>(
      `SELECT ${isoInstantSql('folded_through')} AS folded_through, band_mins FROM ${TREND_FOLD} WHERE name = $1`,
      [PRACTICE_VERSIONS_TABLE],
    );
    const fold = rows[0];
    if (!fold?.folded_through) return null;
    const checked = await client.query<{ differing: number }>(DIFFERING_SQL, [fold.folded_through, fold.band_mins]);
    return { foldedThrough: fold.folded_through, differing: checked.rows[0].differing };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}
