import type pg from 'pg';
import { qualified, type PracticeVersionsTable } from '../../schema/practice-versions.ddl.js';
import { VERSION_INSERT_COLUMNS, versionColumns } from './version-columns.js';
import type { VersionChanges } from './version-changes.js';

const INSERT_CHUNK = 1_000;

/**
 * Applies planned changes to a practice-versions table on the caller's client (inside the caller's transaction).
 * A believed row closed at the instant it started believing (a later page of the same append) is deleted rather than
 * given an empty recorded range.
 */
export async function writeVersionChanges(client: pg.ClientBase, table: PracticeVersionsTable, changes: VersionChanges): Promise<void> {
  const name = qualified(table);
  if (changes.closes.length > 0) {
    const params = [
      changes.closes.map((close) => close.odsCode),
      changes.closes.map((close) => close.validFrom),
      changes.closes.map((close) => close.at),
    ];
    const matches = `t.ods_code = c.ods_code AND t.valid_from = c.valid_from AND t.recorded_to IS NULL`;
    const closing = `unnest($1::text[], $2::date[], $3::timestamptz[]) AS c(ods_code, valid_from, at)`;
    // One statement, two disjoint sets of rows (a data-modifying CTE and its outer statement must not touch the same row).
    await client.query(
      `WITH deleted AS (DELETE FROM ${name} t USING ${closing} WHERE ${matches} AND t.recorded_from >= c.at)
       UPDATE ${name} t SET recorded_to = c.at FROM ${closing} WHERE ${matches} AND t.recorded_from < c.at`,
      params,
    );
  }
  const columns = VERSION_INSERT_COLUMNS.map(([column]) => column).join(', ');
  const recordType = VERSION_INSERT_COLUMNS.map(([column, type]) => `${column} ${type}`).join(', ');
  for (let start = 0; start < changes.inserts.length; start += INSERT_CHUNK) {
    const rows = changes.inserts.slice(start, start + INSERT_CHUNK).map((insert) => ({
      ods_code: insert.odsCode,
      valid_from: insert.validFrom,
      valid_to: insert.validTo,
      recorded_from: insert.recordedFrom,
      recorded_to: insert.recordedTo,
      ...versionColumns(insert.state),
      state: insert.state,
    }));
    await client.query(
      `INSERT INTO ${name} (${columns}) SELECT ${columns} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType})`,
      [JSON.stringify(rows)],
    );
  }
}
