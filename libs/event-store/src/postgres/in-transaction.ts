import type pg from 'pg';

/**
 * Runs `work` in one transaction on one pooled connection, committing when it returns and rolling back when it throws.
 * A connection that cannot even roll back goes back to the pool destroyed, not half-way through a transaction.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let unusable: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      unusable = rollbackError;
    });
    throw error;
  } finally {
    client.release(unusable);
  }
}
