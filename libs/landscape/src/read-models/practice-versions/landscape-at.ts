import type pg from 'pg';
import type { PracticeSnapshot } from '#practices';
import { PRACTICE_VERSIONS_TABLE, qualified, type PracticeVersionsTable } from '../../schema/practice-versions.ddl.js';
import { bitemporalAtSql } from '../../schema/bitemporal-points.sql.js';

/** Every practice's projected state on `asOf` as known at `knownAt` (practices that did not exist then are absent). */
export async function landscapeAt(
  db: Pick<pg.Pool, 'query'>,
  asOf: string,
  knownAt: string,
  table: PracticeVersionsTable = PRACTICE_VERSIONS_TABLE,
): Promise<Map<string, PracticeSnapshot>> {
  const { rows } = await db.query<{ ods_code: string; state: PracticeSnapshot }>(
    `SELECT ods_code, state FROM ${qualified(table)} WHERE ${bitemporalAtSql('$1', '$2')}`,
    [asOf, knownAt],
  );
  return new Map(rows.map((row) => [row.ods_code, row.state]));
}
