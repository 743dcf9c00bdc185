import type pg from 'pg';
import { inTransaction } from '#event-store';
import { qualified, type PracticeVersionsTable } from '../schema/practice-versions.ddl.js';
import { trendTables } from '../schema/trend-deltas.ddl.js';

/** Rows in only one of the trend read model and the same model derived afresh from the versions' current belief. */
export interface TrendModelDifferences {
  readonly deltas: number;
  readonly providerDeltas: number;
}

/**
 * Derives the trend read model again from `table` into temporary tables, in one transaction (one snapshot), with the
 * statements its triggers run (landscape.trend_fold_statements), and counts the rows that differ from the model the
 * triggers kept. Rows whose changes are all zero are left by corrections and mean nothing, so they are left out.
 */
export function verifyTrendModel(pool: pg.Pool, table: PracticeVersionsTable): Promise<TrendModelDifferences> {
  const stored = trendTables(table);
  return inTransaction(pool, async (client) => {
    await client.query(`CREATE TEMP TABLE trend_check_deltas (LIKE ${qualified(stored.deltas)} INCLUDING ALL) ON COMMIT DROP`);
    await client.query(`CREATE TEMP TABLE trend_check_provider_deltas (LIKE ${qualified(stored.providerDeltas)} INCLUDING ALL) ON COMMIT DROP`);
    const { rows } = await client.query<{ statement: string }>(
      `SELECT unnest(landscape.trend_fold_statements(format('SELECT 1 AS sign, * FROM landscape.%I', $1::text),
         'pg_temp.trend_check_deltas', 'pg_temp.trend_check_provider_deltas')) AS statement`,
      [table],
    );
    for (const { statement } of rows) await client.query(statement);
    const differences = async (storedTable: string, derived: string, nonZero: string) => {
      const { rows: counted } = await client.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM ((SELECT * FROM ${qualified(storedTable)} WHERE ${nonZero} EXCEPT SELECT * FROM ${derived})
           UNION ALL (SELECT * FROM ${derived} EXCEPT SELECT * FROM ${qualified(storedTable)} WHERE ${nonZero})) differing`,
      );
      return counted[0].n;
    };
    return {
      deltas: await differences(stored.deltas, 'pg_temp.trend_check_deltas', 'delta <> 0'),
      providerDeltas: await differences(stored.providerDeltas, 'pg_temp.trend_check_provider_deltas', 'patients <> 0 OR practices <> 0'),
    };
  });
}
