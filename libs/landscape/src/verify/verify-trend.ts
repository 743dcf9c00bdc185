import type pg from 'pg';
import { inTransaction } from '#event-store';
import { qualified, type PracticeVersionsTable } from '../schema/practice-versions.ddl.js';
import { trendTables } from '../schema/trend-deltas.ddl.js';

/** Rows in only one of the trend read model and the same model derived afresh from the versions' current belief. */
export interface TrendModelDifferences {
  readonly deltas: number;
  readonly providerPractices: number;
}

/**
 * Derives the trend read model again from `table` into temporary tables, in one transaction (one snapshot), with the
 * rebuild's one-pass derivation (landscape.derive_trend), and counts the rows that differ from the model the triggers
 * kept step by step. Rows left at zero by corrections mean nothing, so they are left out.
 */
export async function verifyTrendModel(pool: pg.Pool, table: PracticeVersionsTable): Promise<TrendModelDifferences | null> {
  // A standby is read-only and holds the primary's model page for page: it is checked on the primary (null: not here).
  const { rows } = await pool.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
  if (rows[0].standby) return null;
  const stored = trendTables(table);
  return inTransaction(pool, async (client) => {
    await client.query(`CREATE TEMP TABLE trend_check_deltas (LIKE ${qualified(stored.deltas)} INCLUDING ALL) ON COMMIT DROP`);
    await client.query(`CREATE TEMP TABLE trend_check_practices (LIKE ${qualified(stored.providerPractices)} INCLUDING ALL) ON COMMIT DROP`);
    await client.query(`SELECT landscape.derive_trend($1, 'pg_temp.trend_check_deltas', 'pg_temp.trend_check_practices')`, [qualified(table)]);
    const differences = async (storedTable: string, derived: string, nonZero: string) => {
      const { rows: counted } = await client.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM ((SELECT * FROM ${qualified(storedTable)} WHERE ${nonZero} EXCEPT SELECT * FROM ${derived})
           UNION ALL (SELECT * FROM ${derived} EXCEPT SELECT * FROM ${qualified(storedTable)} WHERE ${nonZero})) differing`,
      );
      return counted[0].n;
    };
    return {
      deltas: await differences(stored.deltas, 'pg_temp.trend_check_deltas', 'delta <> 0'),
      providerPractices: await differences(stored.providerPractices, 'pg_temp.trend_check_practices', 'versions <> 0'),
    };
  });
}
