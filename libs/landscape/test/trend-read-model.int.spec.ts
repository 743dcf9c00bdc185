import { openRuntime, type Runtime } from '#runtime';
import { bandsFrom } from '../src/application/get-landscape-summary/population-bands.js';
import { LANDSCAPE_TREND_SQL } from '../src/application/get-landscape-trend/landscape-trend.sql.js';
import { NATIONAL_TREND_SQL } from '../src/application/get-landscape-trend/national-trend.sql.js';
import { aggregatesFromChanges } from '../src/application/get-landscape-trend/trend-changes.js';
import { trendDates, TREND_INTERVALS } from '../src/application/get-landscape-trend/trend-dates.js';
import { trendPoints, type TrendAggregates } from '../src/application/get-landscape-trend/trend-points.js';
import { PracticeVersionsProjector } from '../src/projector/practice-versions.projector.js';
import { rebuildProjections } from '../src/rebuild/rebuild-projections.js';
import { PRACTICE_VERSIONS_TABLE } from '../src/schema/practice-versions.ddl.js';
import { verifyTrendModel } from '../src/verify/verify-trend.js';
import { createServerDatabase, type ServerDatabase } from '../../../test/support/server-database.js';
import { below, dateAfter, SeededRandom } from '../../../test/support/seeded-random.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { projectThrough } from './support/landscape-fixture.js';
import { randomCommand } from './support/random-commands.js';

const PRACTICES = Array.from({ length: 24 }, (_, i) => `T${String(60_001 + i)}`);
const BANDS = bandsFrom([20_000, 100_000]);

type Database = 'server' | 'embedded';

/**
 * The trend read model as its triggers keep it, step by step and page by page (closes, deletes, COPY on a server),
 * against the model derived at once from the same versions, and the national trend read from it against the trend read
 * from the versions; then the same after a rebuild, which derives it for its shadow and switches it in.
 */
describe.each<Database>(['server', 'embedded'])('the trend read model (%s)', (database) => {
  let server: ServerDatabase | null = null;
  let runtime: Runtime;
  const random = new SeededRandom(16);
  let recorder: HistoryRecorder;
  let pointsWithPractices = 0;
  const differencesAfterSteps: ({ deltas: number; providerPractices: number } | null)[] = [];

  beforeAll(async () => {
    server = database === 'server' ? await createServerDatabase() : null;
    runtime = await openRuntime({ settings: { url: server?.url ?? null, dataDir: 'memory' }, poolSize: 4, applicationName: 'trend-test' });
    recorder = new HistoryRecorder(runtime.eventStore);
    const pool = runtime.database.pool;
    const projectors = [1, 7, 600].map(
      (batchSize) => new PracticeVersionsProjector(runtime.eventStore, pool, { table: PRACTICE_VERSIONS_TABLE, batchSize, copyFromRows: 20 }),
    );
    for (let attempt = 0; attempt < 700; attempt++) {
      await recorder.record(randomCommand(random, PRACTICES, (ods) => recorder.history(ods)));
      if (random.chance(0.1)) {
        await random.pick(projectors).step();
        differencesAfterSteps.push(await verifyTrendModel(pool, PRACTICE_VERSIONS_TABLE));
      }
    }
    await projectThrough(projectors[2], pool, recorder.appended);
  }, 180_000);

  afterAll(async () => {
    await runtime?.close();
    await server?.drop();
  });

  /** A random national trend, from the read model and from the versions, as known now. */
  async function bothTrends() {
    const every = random.pick(TREND_INTERVALS);
    const from = dateAfter(random, '2001-01-01', 365 * 30);
    const dates = trendDates(from, dateAfter(random, from, 366 * (1 + below(random, 20))), every) ?? [];
    const knownAt = new Date().toISOString();
    const pool = runtime.database.pool;
    const { rows: model } = await pool.query(NATIONAL_TREND_SQL, [dates, knownAt]);
    const { rows: versions } = await pool.query<TrendAggregates>(LANDSCAPE_TREND_SQL, [dates, knownAt, null, BANDS.map((band) => band.min)]);
    expect(model[0].current).toBe(true);
    pointsWithPractices += versions[0].totals?.filter((totals) => totals[1] > 0).length ?? 0;
    return {
      fromModel: trendPoints(dates, BANDS, aggregatesFromChanges(dates.length, model[0].changes)),
      fromVersions: trendPoints(dates, BANDS, versions[0]),
    };
  }

  it('kept by the triggers, equals the model derived at once, and gives the trend the versions give', async () => {
    expect(differencesAfterSteps.length).toBeGreaterThan(30);
    expect(differencesAfterSteps.filter((differences) => differences === null || differences.deltas + differences.providerPractices > 0)).toEqual([]);
    expect(await verifyTrendModel(runtime.database.pool, PRACTICE_VERSIONS_TABLE)).toEqual({ deltas: 0, providerPractices: 0 });
    for (let i = 0; i < 6; i++) {
      const { fromModel, fromVersions } = await bothTrends();
      expect(fromModel).toEqual(fromVersions);
    }
  });

  it('after a rebuild, is derived again, switched in with the versions, and kept from then on', async () => {
    await rebuildProjections(runtime.eventStore, runtime.database.pool, { batchSize: 200 });
    for (let attempt = 0; attempt < 60; attempt++) await recorder.record(randomCommand(random, PRACTICES, (ods) => recorder.history(ods)));
    await projectThrough(
      new PracticeVersionsProjector(runtime.eventStore, runtime.database.pool, { table: PRACTICE_VERSIONS_TABLE, batchSize: 5 }),
      runtime.database.pool,
      recorder.appended,
    );
    expect(await verifyTrendModel(runtime.database.pool, PRACTICE_VERSIONS_TABLE)).toEqual({ deltas: 0, providerPractices: 0 });
    for (let i = 0; i < 4; i++) {
      const { fromModel, fromVersions } = await bothTrends();
      expect(fromModel).toEqual(fromVersions);
    }
    // Equal trends of empty dates would say little.
    expect(pointsWithPractices).toBeGreaterThan(20);
  }, 120_000);
});
