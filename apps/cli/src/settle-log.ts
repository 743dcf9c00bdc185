import type pg from 'pg';

/**
 * After a bulk append, settles the log for its first reader (the projector's catch-up in `npm start`): planner
 * statistics, the visibility map and every row's commit hint bits, which that reader would otherwise set, writing
 * each page of the log again as it goes. Not the owner of the tables (a server's operator login), VACUUM only warns.
 */
export async function settleLog(pool: pg.Pool): Promise<void> {
  await pool.query('VACUUM (ANALYZE) event_store.events, event_store.streams');
}
