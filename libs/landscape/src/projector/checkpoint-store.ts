import type pg from 'pg';
import type { LogCursor } from '#event-store';
import { CHECKPOINTS_TABLE, qualified } from '../schema/practice-versions.ddl.js';

/** Bump when the projection's rows would come out differently from the same log: stored rows then need a rebuild. */
export const PRACTICE_VERSIONS_PROJECTION_VERSION = 1;

export interface Checkpoint {
  readonly name: string;
  /** The last event applied; null before the first. */
  readonly cursor: LogCursor | null;
  /** The latest knownAt the projection's rows answer exactly (every event recorded by then is applied). */
  readonly stableHorizon: string | null;
  /** The latest recordedAt among the events applied. */
  readonly recordedThrough: string | null;
  /**
   * Every event up to this cursor is applied and was recorded by the stable horizon, so a read with the default
   * knownAt sees it: what a read waiting for a write's position waits for.
   */
  readonly horizonCursor: LogCursor | null;
  readonly projectionVersion: number;
  readonly eventsApplied: number;
  readonly updatedAt: string;
}

type Queryable = Pick<pg.ClientBase, 'query'>;

const table = qualified(CHECKPOINTS_TABLE);
const COLUMNS = `name, transaction_id, position, stable_horizon, recorded_through, horizon_transaction_id, horizon_position,
  projection_version, events_applied, updated_at`;

interface CheckpointRow {
  name: string;
  transaction_id: string | null;
  position: string | null;
  stable_horizon: Date | null;
  recorded_through: Date | null;
  horizon_transaction_id: string | null;
  horizon_position: string | null;
  projection_version: number;
  events_applied: string;
  updated_at: Date;
}

const toCursor = (transactionId: string | null, position: string | null): LogCursor | null =>
  transactionId === null || position === null ? null : { transactionId: String(transactionId), position: String(position) };

function toCheckpoint(row: CheckpointRow): Checkpoint {
  return {
    name: row.name,
    cursor: toCursor(row.transaction_id, row.position),
    stableHorizon: row.stable_horizon?.toISOString() ?? null,
    recordedThrough: row.recorded_through?.toISOString() ?? null,
    horizonCursor: toCursor(row.horizon_transaction_id, row.horizon_position),
    projectionVersion: row.projection_version,
    eventsApplied: Number(row.events_applied),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The fields a step compares and writes, keyed by column: the inverse of toCheckpoint (see apply-step.ts). */
export function toCheckpointRow(checkpoint: Checkpoint) {
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

export const emptyCheckpoint = (name: string): Checkpoint => ({
  name,
  cursor: null,
  stableHorizon: null,
  recordedThrough: null,
  horizonCursor: null,
  projectionVersion: PRACTICE_VERSIONS_PROJECTION_VERSION,
  eventsApplied: 0,
  updatedAt: new Date(0).toISOString(),
});

export async function ensureCheckpoint(db: Queryable, name: string): Promise<void> {
  await db.query(`INSERT INTO ${table} (name, projection_version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    name,
    PRACTICE_VERSIONS_PROJECTION_VERSION,
  ]);
}

export async function readCheckpoint(db: Queryable, name: string): Promise<Checkpoint> {
  const { rows } = await db.query<CheckpointRow>(`SELECT ${COLUMNS} FROM ${table} WHERE name = $1`, [name]);
  return rows[0] ? toCheckpoint(rows[0]) : emptyCheckpoint(name);
}

/** Reads the checkpoint and holds its row lock until the caller's transaction ends: one writer per projection. */
export async function lockCheckpoint(client: Queryable, name: string): Promise<Checkpoint> {
  await ensureCheckpoint(client, name);
  const { rows } = await client.query<CheckpointRow>(`SELECT ${COLUMNS} FROM ${table} WHERE name = $1 FOR UPDATE`, [name]);
  return toCheckpoint(rows[0]);
}

export interface CheckpointAdvance {
  readonly cursor: LogCursor | null;
  /**
   * The store's horizon when every event recorded by it is at or before `cursor` (a page not cut by the limit);
   * null leaves the stored horizon as it was. Only ever moves forward.
   */
  readonly stableHorizon: string | null;
  /** The latest recordedAt among the events of this step, if any. */
  readonly recordedThrough: string | null;
  /**
   * With a stableHorizon: the last event of the longest run of this step's events (in log order) recorded at or before
   * it; null when the first was recorded after it or the step applied none.
   */
  readonly settledThrough?: LogCursor | null;
  readonly eventsApplied: number;
}

/** The checkpoint after an advance: what a step writes (apply-step.ts), worked out from the one it was planned from. */
export function advanced(checkpoint: Checkpoint, advance: CheckpointAdvance): Checkpoint {
  const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : Date.parse(a) >= Date.parse(b) ? a : b);
  const stableHorizon = advance.stableHorizon === null ? checkpoint.stableHorizon : later(checkpoint.stableHorizon, advance.stableHorizon);
  const recordedThrough = later(checkpoint.recordedThrough, advance.recordedThrough);
  const recordedBy = (horizon: string | null, instant: string | null) =>
    instant === null || (horizon !== null && Date.parse(horizon) >= Date.parse(instant));
  // Under a steady write load some append is nearly always in flight, so a step seldom finds everything it applied
  // recorded by the horizon; the horizon cursor then moves as far as the events that are, instead of waiting for a
  // quiet moment. Everything applied before this step must be covered first (recordedThrough is their latest).
  let horizonCursor = checkpoint.horizonCursor;
  if (advance.stableHorizon !== null && recordedBy(stableHorizon, checkpoint.recordedThrough)) {
    if (recordedBy(stableHorizon, recordedThrough)) horizonCursor = advance.cursor;
    else horizonCursor = advance.settledThrough ?? checkpoint.cursor;
  }
  return {
    ...checkpoint,
    cursor: advance.cursor,
    stableHorizon,
    recordedThrough,
    horizonCursor,
    eventsApplied: checkpoint.eventsApplied + advance.eventsApplied,
  };
}

/** True when every applied event is visible at the stable horizon. */
export const isSettled = (checkpoint: Checkpoint): boolean => checkpoint.cursor === null || sameCursor(checkpoint.horizonCursor, checkpoint.cursor);

export function sameCursor(a: LogCursor | null, b: LogCursor | null): boolean {
  if (a === null || b === null) return a === b;
  return a.transactionId === b.transactionId && a.position === b.position;
}
