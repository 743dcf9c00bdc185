import type pg from 'pg';
import { compareCursors } from '#event-store';
import { lockCheckpoint, PRACTICE_VERSIONS_PROJECTION_VERSION } from '../projector/checkpoint-store.js';
import {
  CHECKPOINTS_TABLE,
  PRACTICE_VERSIONS_INDEX_SUFFIXES,
  PRACTICE_VERSIONS_CONSTRAINT_SUFFIXES,
  PRACTICE_VERSIONS_SHADOW_TABLE,
  PRACTICE_VERSIONS_TABLE,
  LANDSCAPE_SCHEMA,
  qualified,
} from '../schema/practice-versions.ddl.js';
import { RESET_TREND_SQL } from '../read-models/landscape-trend/fold-trend.js';
import { createPracticeVersionViewsSql, dropPracticeVersionViewsSql } from '../schema/reporting-views.ddl.js';

export type SwitchOutcome = { switched: true } | { switched: false; reason: 'shadow-behind' };

/**
 * Puts the rebuilt shadow table in place of the live one in one transaction, so readers see the old landscape until
 * the commit and the new one after, never an empty or partial one.
 *
 * The live checkpoint's row lock is taken first, as every projector step does, so a live projector elsewhere waits
 * (and then finds its checkpoint moved, and carries on from the new one). The switch happens only if the shadow has
 * applied at least everything the live table has: otherwise the caller catches the shadow up and tries again.
 */
export async function switchOver(pool: pg.Pool): Promise<SwitchOutcome> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const live = await lockCheckpoint(client, PRACTICE_VERSIONS_TABLE);
    const shadow = await lockCheckpoint(client, PRACTICE_VERSIONS_SHADOW_TABLE);
    if (live.cursor !== null && (shadow.cursor === null || compareCursors(shadow.cursor, live.cursor) < 0)) {
      await client.query('ROLLBACK');
      return { switched: false, reason: 'shadow-behind' };
    }
    for (const sql of dropPracticeVersionViewsSql()) await client.query(sql);
    await client.query(`DROP TABLE ${qualified(PRACTICE_VERSIONS_TABLE)}`);
    await renameShadowIntoPlace(client);
    for (const sql of createPracticeVersionViewsSql()) await client.query(sql);
    // The trend's model was folded from the table just dropped.
    for (const sql of RESET_TREND_SQL) await client.query(sql);
    await client.query(
      `UPDATE ${qualified(CHECKPOINTS_TABLE)} live
          SET transaction_id = shadow.transaction_id, position = shadow.position,
              stable_horizon = greatest(live.stable_horizon, shadow.stable_horizon), recorded_through = shadow.recorded_through,
              horizon_transaction_id = shadow.horizon_transaction_id, horizon_position = shadow.horizon_position,
              projection_version = $3, events_applied = shadow.events_applied, updated_at = now()
         FROM ${qualified(CHECKPOINTS_TABLE)} shadow
        WHERE live.name = $1 AND shadow.name = $2`,
      [PRACTICE_VERSIONS_TABLE, PRACTICE_VERSIONS_SHADOW_TABLE, PRACTICE_VERSIONS_PROJECTION_VERSION],
    );
    await client.query(`DELETE FROM ${qualified(CHECKPOINTS_TABLE)} WHERE name = $1`, [PRACTICE_VERSIONS_SHADOW_TABLE]);
    await client.query('COMMIT');
    return { switched: true };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function renameShadowIntoPlace(client: pg.ClientBase): Promise<void> {
  const from = PRACTICE_VERSIONS_SHADOW_TABLE;
  const to = PRACTICE_VERSIONS_TABLE;
  const { rows } = await client.query<{ sequence: string | null }>(`SELECT pg_get_serial_sequence($1, 'id') AS sequence`, [qualified(from)]);
  await client.query(`ALTER TABLE ${qualified(from)} RENAME TO ${to}`);
  for (const suffix of PRACTICE_VERSIONS_INDEX_SUFFIXES) {
    await client.query(`ALTER INDEX ${LANDSCAPE_SCHEMA}.${from}_${suffix} RENAME TO ${to}_${suffix}`);
  }
  for (const suffix of PRACTICE_VERSIONS_CONSTRAINT_SUFFIXES) {
    await client.query(`ALTER TABLE ${qualified(to)} RENAME CONSTRAINT ${from}_${suffix} TO ${to}_${suffix}`);
  }
  if (rows[0]?.sequence) await client.query(`ALTER SEQUENCE ${rows[0].sequence} RENAME TO ${to}_id_seq`);
}
