import { ISO_MILLIS_FORMAT } from '#event-store';
import { CHECKPOINTS_TABLE, PRACTICE_VERSIONS_TABLE, qualified } from '../../schema/practice-versions.ddl.js';

/**
 * clampKnownAt (#event-store) inside the read's own statement, one round trip instead of two: the requested instant,
 * never beyond the projection's stable horizon, and as known before anything ('epoch') while there is none yet.
 * `requested` is the SQL parameter holding the requested instant.
 */
export const clampedKnownAtSql = (requested: string): string => `date_trunc('milliseconds', least(${requested}::timestamptz,
  coalesce((SELECT stable_horizon FROM ${qualified(CHECKPOINTS_TABLE)} WHERE name = '${PRACTICE_VERSIONS_TABLE}'), 'epoch'::timestamptz)))`;

/** An instant column as the API states it: ISO 8601, UTC, milliseconds. */
export const isoInstantSql = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', ${ISO_MILLIS_FORMAT})`;
