import type pg from 'pg';
import { bytesAsBlob, embeddedSession, type SessionWork } from '#platform';
import { qualified, type PracticeVersionsTable } from '../schema/practice-versions.ddl.js';
import { VERSION_ROW_COLUMNS } from '../read-models/practice-versions/version-columns.js';
import type { VersionChanges } from '../read-models/practice-versions/version-changes.js';
import { versionCopyChunks } from '../read-models/practice-versions/version-copy-text.js';
import { APPLY_STEP_SQL, applyStepByCopy, applyStepParams } from './apply-step.js';
import type { Checkpoint } from './checkpoint-store.js';

/**
 * A bulk page is replayable: should an OS crash lose its commit, rows and checkpoint are lost together and the page
 * is applied again from the log. So it does not wait for its WAL to reach the disk (one flush of megabytes per page).
 */
export const REPLAYABLE_COMMIT = 'SET LOCAL synchronous_commit TO off';

/** A step of many rows (a rebuild's or a catch-up's page) loaded by COPY, on either database. */
export function applyBulkStep(
  pool: pg.Pool,
  table: PracticeVersionsTable,
  expected: Checkpoint,
  next: Checkpoint,
  changes: VersionChanges,
): Promise<boolean> {
  const session = embeddedSession(pool);
  return session ? applyStepOnSession(session, table, expected, next, changes) : applyStepByCopy(pool, table, expected, next, changes);
}

/**
 * applyStepByCopy for the embedded database: the same transaction (checkpoint compared and moved, closes, then the
 * inserts as COPY text) run through the PGlite API on its one session. The rows go in as a blob PGlite reads as
 * '/dev/blob', not as one JSON argument of megabytes through the socket server, which copied each incoming message
 * once per 64 KiB it arrived in (most of an embedded rebuild's time, profiled).
 */
export function applyStepOnSession(
  session: SessionWork,
  table: PracticeVersionsTable,
  expected: Checkpoint,
  next: Checkpoint,
  changes: VersionChanges,
): Promise<boolean> {
  return session((db) =>
    db.transaction(async (tx) => {
      await tx.exec(REPLAYABLE_COMMIT);
      const { rows } = await tx.query<{ applied: boolean }>(
        APPLY_STEP_SQL,
        applyStepParams(table, expected, next, { closes: changes.closes, inserts: [] }),
      );
      // Nothing written when the checkpoint moved: the empty transaction commits and the inserts are never loaded.
      if (!rows[0].applied) return false;
      if (changes.inserts.length > 0) {
        // One buffer handed over as it is: a Blob would copy the megabytes twice more (into it, then out of it).
        const blob = bytesAsBlob(Buffer.concat([...versionCopyChunks(changes.inserts)]));
        await tx.query(`COPY ${qualified(table)} (${VERSION_ROW_COLUMNS.join(', ')}) FROM '/dev/blob'`, [], { blob });
      }
      return true;
    }),
  );
}
