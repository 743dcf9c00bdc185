import type pg from 'pg';
import type { PracticeVersionsTable } from '../schema/practice-versions.ddl.js';
import { versionColumns } from '../read-models/practice-versions/version-columns.js';
import type { VersionChanges } from '../read-models/practice-versions/version-changes.js';
import { PRACTICE_VERSIONS_PROJECTION_VERSION, toCheckpointRow, type Checkpoint } from './checkpoint-store.js';

/** landscape.apply_projection_step (migration 1763856700000): the checkpoint compared and moved, the versions written. */
const APPLY_STEP_SQL = `
SELECT landscape.apply_projection_step($1, $2, $3::jsonb, $4::jsonb, $5::text[], $6::date[], $7::timestamptz[], $8::jsonb) AS applied`;

/**
 * Writes a step's planned changes and moves the checkpoint from `expected` to `next` in one round trip and one
 * transaction; false (nothing written) when the stored checkpoint is no longer `expected`.
 */
export async function applyStep(
  db: Pick<pg.Pool, 'query'>,
  table: PracticeVersionsTable,
  expected: Checkpoint,
  next: Checkpoint,
  changes: VersionChanges,
): Promise<boolean> {
  const { closes, inserts } = changes;
  const rows = inserts.map((insert) => ({
    ods_code: insert.odsCode,
    valid_from: insert.validFrom,
    valid_to: insert.validTo,
    recorded_from: insert.recordedFrom,
    recorded_to: insert.recordedTo,
    ...versionColumns(insert.state),
    state: insert.state,
  }));
  const { rows: result } = await db.query<{ applied: boolean }>(APPLY_STEP_SQL, [
    table,
    PRACTICE_VERSIONS_PROJECTION_VERSION,
    JSON.stringify(toCheckpointRow(expected)),
    JSON.stringify(toCheckpointRow(next)),
    closes.map((close) => close.odsCode),
    closes.map((close) => close.validFrom),
    closes.map((close) => close.at),
    JSON.stringify(rows),
  ]);
  return result[0].applied;
}
