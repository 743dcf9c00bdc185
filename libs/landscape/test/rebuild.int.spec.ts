import { GetLandscapeSummary } from '../src/application/get-landscape-summary/get-landscape-summary.query.js';
import { GetLandscapeSummaryHandler } from '../src/application/get-landscape-summary/get-landscape-summary.handler.js';
import { bandsFrom } from '../src/application/get-landscape-summary/population-bands.js';
import { GetPractice } from '../src/application/get-practice/get-practice.query.js';
import { GetPracticeHandler } from '../src/application/get-practice/get-practice.handler.js';
import { canonicalJson } from '../src/read-models/practice-versions/canonical-json.js';
import { landscapeAt } from '../src/read-models/practice-versions/landscape-at.js';
import { readCheckpoint } from '../src/projector/checkpoint-store.js';
import { PracticeVersionsProjector } from '../src/projector/practice-versions.projector.js';
import { rebuildProjections } from '../src/rebuild/rebuild-projections.js';
import { PRACTICE_VERSIONS_TABLE } from '../src/schema/practice-versions.ddl.js';
import { verifyProjections } from '../src/verify/verify-projections.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { openLandscapeFixture, projectThrough, type LandscapeFixture } from './support/landscape-fixture.js';
import { SeededRandom } from '../../../test/support/seeded-random.js';

const PRACTICES = Array.from({ length: 80 }, (_, i) => `R${String(50_001 + i)}`);

describe('rebuild-projections beside a running projector and ongoing writes (PostgreSQL server)', () => {
  let fixture: LandscapeFixture;
  let recorder: HistoryRecorder;
  const random = new SeededRandom(5);

  beforeAll(async () => {
    fixture = await openLandscapeFixture();
    recorder = new HistoryRecorder(fixture.store);
    await recorder.recordRandomRounds(random, PRACTICES, 15);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('switches over without readers ever seeing a different answer for a settled (asOf, knownAt), and loses nothing', async () => {
    const live = new PracticeVersionsProjector(fixture.store, fixture.pool, { table: PRACTICE_VERSIONS_TABLE, batchSize: 20 });
    await projectThrough(live, fixture.pool, recorder.appended);
    const settled = (await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_TABLE)).stableHorizon!;
    const asOf = new Date().toISOString().slice(0, 10);
    const landscape = async () => canonicalJson([...(await landscapeAt(fixture.pool, asOf, settled))].sort(([a], [b]) => a.localeCompare(b)));
    // The practice and summary reads run as named prepared statements on the server: they must follow the switch-over
    // (the live table dropped and the shadow renamed in its place) on connections that prepared them before it.
    const practiceHandler = new GetPracticeHandler(fixture.pool);
    const summaryHandler = new GetLandscapeSummaryHandler(fixture.pool);
    const handlerReads = async () =>
      canonicalJson([
        await practiceHandler.execute(new GetPractice(PRACTICES[0], asOf, settled)),
        await summaryHandler.execute(new GetLandscapeSummary(asOf, settled, bandsFrom([20_000]))),
      ]);
    const answer = await landscape();
    const handlerAnswer = await handlerReads();

    let running = true;
    const projecting = (async () => {
      while (running) if ((await live.step()).applied === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    })();
    const writing = (async () => {
      await recorder.recordRandomRounds(random, PRACTICES, 10);
    })();
    const answers: string[] = [];
    const handlerAnswers: string[] = [];
    const reading = (async () => {
      while (running) {
        answers.push(await landscape());
        handlerAnswers.push(await handlerReads());
      }
    })();
    const rebuilt = await rebuildProjections(fixture.store, fixture.pool, { batchSize: 50 });
    await writing;
    running = false;
    await Promise.all([projecting, reading]);

    expect(rebuilt.switchAttempts).toBeGreaterThanOrEqual(1);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((seen) => seen === answer)).toBe(true);
    expect(handlerAnswers.every((seen) => seen === handlerAnswer)).toBe(true);
    expect(await handlerReads()).toBe(handlerAnswer);
    await projectThrough(live, fixture.pool, recorder.appended);
    expect((await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_TABLE)).eventsApplied).toBe(recorder.appended);
    const report = await verifyProjections(fixture.store, fixture.pool, { dates: 8, knownAts: 6 });
    expect(report.mismatches).toEqual([]);
  });

  it('leaves planner statistics of the filtered columns, kept at a sample target of 30, and none of the state', async () => {
    // A column's own target is null (PostgreSQL 17 on) or -1 (before) when it keeps the default.
    const { rows } = await fixture.pool.query<{ attname: string; target: number | null; analysed: boolean }>(
      `SELECT a.attname, nullif(a.attstattarget, -1)::int AS target,
              EXISTS (SELECT 1 FROM pg_stats s
                       WHERE s.schemaname = 'landscape' AND s.tablename = 'practice_versions' AND s.attname = a.attname) AS analysed
         FROM pg_attribute a
        WHERE a.attrelid = 'landscape.practice_versions'::regclass AND a.attname = ANY($1)
        ORDER BY a.attname`,
      [['commissioner_code', 'ods_code', 'state', 'valid']],
    );
    expect(rows).toEqual([
      { attname: 'commissioner_code', target: 30, analysed: true },
      { attname: 'ods_code', target: 30, analysed: true },
      { attname: 'state', target: null, analysed: false },
      { attname: 'valid', target: 30, analysed: true },
    ]);
  });
});
