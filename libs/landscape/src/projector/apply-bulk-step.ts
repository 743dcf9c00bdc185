import type pg from 'pg';
import { embeddedSession, type SessionStatement, type SessionTransaction } from '#platform';
import { qualified, type PracticeVersionsTable } from '../schema/practice-versions.ddl.js';
import { VERSION_ROW_COLUMNS } from '../read-models/practice-versions/version-columns.js';
import type { VersionChanges, VersionRowInsert } from '../read-models/practice-versions/version-changes.js';
import { versionCopyBinary } from '../read-models/practice-versions/version-copy-binary.js';
import { versionCopyChunks } from '../read-models/practice-versions/version-copy-text.js';
import { APPLY_STEP_SQL, applyStepByCopy, applyStepParams } from './apply-step.js';
import type { Checkpoint } from './checkpoint-store.js';

/**
 * A bulk page is replayable: should an OS crash lose its commit, rows and checkpoint are lost together and the page
 * is applied again from the log. So it does not wait for its WAL to reach the disk (one flush of megabytes per page).
 */
export const REPLAYABLE_COMMIT = 'SET LOCAL synchronous_commit TO off';

/**
 * A step of many rows (a rebuild's or a catch-up's page) loaded by COPY, on either database. `encoded` is the inserts
 * as the embedded database loads them, when encoded ahead (see encodeRowsAhead); a server is sent COPY text as it is
 * encoded.
 */
export function applyBulkStep(
  pool: pg.Pool,
  table: PracticeVersionsTable,
  expected: Checkpoint,
  next: Checkpoint,
  changes: VersionChanges,
  encoded?: Buffer,
): Promise<boolean> {
  const session = embeddedSession(pool);
  if (!session) return applyStepByCopy(pool, table, expected, next, changes.closes, versionCopyChunks(changes.inserts));
  const rows = changes.inserts.length === 0 ? null : (encoded ?? versionCopyBinary(changes.inserts));
  return applyStepOnSession(session, table, expected, next, changes.closes, rows);
}

/**
 * A page's rows encoded while planning it, before its turn to load, where the database takes them whole: the embedded
 * database's binary COPY, which then loads the moment the page before has. Null on a server, which reads COPY text as
 * it arrives: parsing one part while the next is encoded is faster there (rebuild of the national history 40-45 s
 * streamed, 55-57 s encoded ahead).
 */
export function encodeRowsAhead(pool: pg.Pool, inserts: readonly VersionRowInsert[]): Buffer | null {
  return embeddedSession(pool) && inserts.length > 0 ? versionCopyBinary(inserts) : null;
}

/**
 * Events in a page of a rebuild or a bulk catch-up. The embedded database reads and loads every page on its one
 * thread while this process plans the next; smaller pages keep both busier, the first page's read and the last one's
 * load being the only work not overlapped (52,491 events rebuilt in 2.8 s in pages of 2,500 against 3.0 s in pages of
 * 5,000, medians of eight runs alternating; 1,500 was slower again).
 */
export const BULK_PAGE_EVENTS = { embedded: 2_500, server: 5_000 } as const;

export function bulkPageEvents(pool: pg.Pool): number {
  return embeddedSession(pool) ? BULK_PAGE_EVENTS.embedded : BULK_PAGE_EVENTS.server;
}

/**
 * applyStepByCopy for the embedded database: the same transaction (checkpoint compared and moved, closes, then the
 * inserts by binary COPY) run through the PGlite API on its one session. The rows go in as a blob PGlite reads as
 * '/dev/blob', not as one JSON argument of megabytes through the socket server, which copied each incoming message
 * once per 64 KiB it arrived in (most of an embedded rebuild's time, profiled).
 */
async function applyStepOnSession(
  session: SessionTransaction,
  table: PracticeVersionsTable,
  expected: Checkpoint,
  next: Checkpoint,
  closes: VersionChanges['closes'],
  rows: Buffer | null,
): Promise<boolean> {
  const statements: SessionStatement[] = [
    { sql: REPLAYABLE_COMMIT },
    // Nothing written when the checkpoint moved: the transaction stops here and the inserts are never loaded.
    { sql: APPLY_STEP_SQL, params: applyStepParams(table, expected, next, { closes, inserts: [] }), continueIf: 'applied' },
  ];
  if (rows) {
    statements.push({ sql: `COPY ${qualified(table)} (${VERSION_ROW_COLUMNS.join(', ')}) FROM '/dev/blob' WITH (FORMAT binary)`, blob: rows });
  }
  return (await session(statements)).completed;
}
