import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { inTransaction } from '#event-store';
import { hotQuery } from '#platform';
import { qualified, type PracticeVersionsTable } from '../schema/practice-versions.ddl.js';
import { VERSION_ROW_COLUMNS, versionRow } from '../read-models/practice-versions/version-columns.js';
import type { VersionChanges } from '../read-models/practice-versions/version-changes.js';
import { PRACTICE_VERSIONS_PROJECTION_VERSION, toCheckpointRow, type Checkpoint } from './checkpoint-store.js';

/** landscape.apply_projection_step (migrations 1763856700000, 1763857100000): checkpoint compared and moved, versions written. */
export const APPLY_STEP_SQL = `
SELECT landscape.apply_projection_step($1, $2, $3::jsonb, $4::jsonb, $5::text[], $6::date[], $7::timestamptz[], $8::json) AS applied`;

/**
 * Writes a step's planned changes and moves the checkpoint from `expected` to `next` in one round trip and one
 * transaction; false (nothing written) when the stored checkpoint is no longer `expected`. Runs on `on`, a connection
 * of `pool` holding a transaction, or by default the pool itself (a statement prepared once per connection on a server).
 */
export async function applyStep(
  pool: pg.Pool,
  table: PracticeVersionsTable,
  expected: Checkpoint,
  next: Checkpoint,
  changes: VersionChanges,
  on: Pick<pg.Pool, 'query'> = pool,
): Promise<boolean> {
  const { rows: result } = await on.query<{ applied: boolean }>(
    hotQuery(pool, 'landscape-apply-step', APPLY_STEP_SQL, applyStepParams(table, expected, next, changes)),
  );
  return result[0].applied;
}

/**
 * The same step for many rows (a rebuild's or a long catch-up's pages): in one transaction, the step function
 * compares and moves the checkpoint and closes rows, then COPY loads the inserts, so the closes still come first (a
 * page may close a practice's believed row and insert its successor for the same start date). Four round trips
 * instead of one, repaid many times over by the server parsing COPY text instead of JSON. Servers only: the embedded
 * database loads through the PGlite API instead (apply-bulk-step.ts), since COPY FROM STDIN through its socket
 * server (pglite-socket 0.2.17) ends the session with "protocol synchronization was lost".
 */
export function applyStepByCopy(
  pool: pg.Pool,
  table: PracticeVersionsTable,
  expected: Checkpoint,
  next: Checkpoint,
  closes: VersionChanges['closes'],
  copyText: Iterable<Buffer>,
): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    // Nothing written when the checkpoint moved: the empty transaction commits and the inserts are never sent.
    if (!(await applyStep(pool, table, expected, next, { closes, inserts: [] }, client))) return false;
    const copy = client.query(copyFrom(`COPY ${qualified(table)} (${VERSION_ROW_COLUMNS.join(', ')}) FROM STDIN`));
    await pipeline(Readable.from(copyText), copy);
    return true;
  });
}

/** The step function's arguments, in APPLY_STEP_SQL's order. */
export function applyStepParams(
  table: PracticeVersionsTable,
  expected: Checkpoint,
  next: Checkpoint,
  { closes, inserts }: VersionChanges,
): unknown[] {
  return [
    table,
    PRACTICE_VERSIONS_PROJECTION_VERSION,
    JSON.stringify(toCheckpointRow(expected)),
    JSON.stringify(toCheckpointRow(next)),
    closes.map((close) => close.odsCode),
    closes.map((close) => close.validFrom),
    closes.map((close) => close.at),
    JSON.stringify(inserts.map(versionRow)),
  ];
}
