import type pg from 'pg';
import type { PracticeVersionsTable } from '../schema/practice-versions.ddl.js';
import { versionColumns } from '../read-models/practice-versions/version-columns.js';
import type { VersionChanges } from '../read-models/practice-versions/version-changes.js';
import { PRACTICE_VERSIONS_PROJECTION_VERSION, type Checkpoint } from './checkpoint-store.js';

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
    JSON.stringify(checkpointRow(expected)),
    JSON.stringify(checkpointRow(next)),
    closes.map((close) => close.odsCode),
    closes.map((close) => close.validFrom),
    closes.map((close) => close.at),
    JSON.stringify(rows),
  ]);
  return result[0].applied;
}

/** The checkpoint's compared and written fields, keyed by column (the function reads them as a checkpoints row). */
function checkpointRow(checkpoint: Checkpoint) {
  return {
    transaction_id: checkpoint.cursor?.transactionId ?? null,
    position: checkpoint.cursor?.position ?? null,
    stable_horizon: checkpoint.stableHorizon,
    recorded_through: checkpoint.recordedThrough,
    horizon_transaction_id: checkpoint.horizonCursor?.transactionId ?? null,
    horizon_position: checkpoint.horizonCursor?.position ?? null,
    events_applied: checkpoint.eventsApplied,
  };
}
