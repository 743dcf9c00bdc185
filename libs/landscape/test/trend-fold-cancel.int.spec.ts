import type pg from 'pg';
import { foldTrend, RESET_TREND_SQL } from '../src/read-models/landscape-trend/fold-trend.js';
import { TREND_FOLD } from '../src/read-models/landscape-trend/trend-changes.sql.js';
import { TrendFolderService } from '../src/read-models/landscape-trend/trend-folder.service.js';
import { PRACTICE_VERSIONS } from '../src/schema/practice-versions.ddl.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { openLandscapeFixture, projectLiveThrough, type LandscapeFixture } from './support/landscape-fixture.js';
import { SeededRandom } from '../../../test/support/seeded-random.js';
import { eventually } from '../../../test/support/eventually.js';

const PRACTICES = Array.from({ length: 12 }, (_, i) => `T${String(70_001 + i)}`);

/**
 * Deriving the national trend model takes seconds to half a minute on a server, and a shutdown waits for the trend
 * folder: a stopped fold cancels its statement instead of running it out. Here the fold's read waits on a lock that
 * is held until the fold has settled, so a fold that was not cancelled never settles and the test times out.
 */
describe('a trend fold stopped by its signal (PostgreSQL server)', () => {
  let fixture: LandscapeFixture;
  let locker: pg.PoolClient | null = null;

  beforeAll(async () => {
    fixture = await openLandscapeFixture();
    const recorder = new HistoryRecorder(fixture.store);
    await recorder.recordRandomRounds(new SeededRandom(23), PRACTICES, 3);
    await projectLiveThrough(fixture, recorder.appended);
  }, 60_000);

  afterEach(async () => {
    await locker?.query('ROLLBACK');
    locker?.release();
    locker = null;
  });

  afterAll(async () => {
    await fixture?.close();
  });

  /**
   * Holds the versions table so that a fold's read of them waits. The lock takes a transaction id (ACCESS EXCLUSIVE is
   * WAL-logged), which holds back every log reader on the server while it is held: never longer than the folder's
   * first pause (5 s).
   */
  async function lockVersions(): Promise<void> {
    locker = await fixture.pool.connect();
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${PRACTICE_VERSIONS} IN ACCESS EXCLUSIVE MODE`);
  }

  /** Resolves once a statement of this database waits for the lock on the versions table. */
  async function foldWaitingOnLock(): Promise<void> {
    const waiting = await eventually(
      async () =>
        (
          await fixture.pool.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        ).rows[0].waiting,
      (count) => count > 0,
      20_000,
    );
    expect(waiting).toBe(1);
  }

  const foldedThrough = async () =>
    (await fixture.pool.query<{ folded_through: Date | null }>(`SELECT folded_through FROM ${TREND_FOLD}`)).rows[0].folded_through;

  it('cancels the statement in progress, writes nothing, and leaves the pool usable', async () => {
    await lockVersions();
    const stop = new AbortController();
    const folding = foldTrend(fixture.pool, { signal: stop.signal });
    await foldWaitingOnLock();
    stop.abort();
    await expect(folding).rejects.toThrow(/cancel/i);

    await locker!.query('ROLLBACK');
    expect(await foldedThrough()).toBeNull();
    // Every connection the pool hands out afterwards works, and an unstopped fold derives the model.
    await Promise.all(Array.from({ length: 8 }, () => fixture.pool.query('SELECT 1')));
    expect(await foldTrend(fixture.pool)).toMatchObject({ folded: true, caughtUp: true });
    expect(await foldedThrough()).not.toBeNull();
  }, 60_000);

  it('does not start once stopped', async () => {
    await expect(foldTrend(fixture.pool, { signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
  });

  it("lets the service's shutdown finish while a fold waits", async () => {
    for (const sql of RESET_TREND_SQL) await fixture.pool.query(sql);
    await lockVersions();
    const folder = new TrendFolderService(fixture.pool);
    folder.start();
    await foldWaitingOnLock(); // its first fold starts a few seconds after it does
    await folder.onApplicationShutdown();
    await locker!.query('ROLLBACK');
    expect(await foldedThrough()).toBeNull();
  }, 60_000);
});
