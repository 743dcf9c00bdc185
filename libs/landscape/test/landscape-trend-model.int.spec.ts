import { trendDates, TREND_INTERVALS } from '../src/application/get-landscape-trend/trend-dates.js';
import { PracticeVersionsProjector } from '../src/projector/practice-versions.projector.js';
import { foldTrend } from '../src/read-models/landscape-trend/fold-trend.js';
import { readFoldedTrend } from '../src/read-models/landscape-trend/folded-trend.js';
import { rebuildProjections } from '../src/rebuild/rebuild-projections.js';
import { PRACTICE_VERSIONS_TABLE } from '../src/schema/practice-versions.ddl.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { startLandscapeApp } from './support/landscape-app.js';
import { trendFieldsOf } from './support/trend-fields.js';
import { openLandscapeFixture, projectThrough, type LandscapeFixture } from './support/landscape-fixture.js';
import { randomCommand } from './support/random-commands.js';
import { SeededRandom, dateAfter, below } from '../../../test/support/seeded-random.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20_261_207);
const PRACTICES = Array.from({ length: 30 }, (_, i) => `P${String(30_001 + i)}`);
const ROUNDS = 6;
const COMMANDS_PER_ROUND = 140;
const QUESTIONS_PER_ROUND = 3;
const DEFAULT_BAND_MINS = [0, 20_000, 100_000];

function datesOf(...question: Parameters<typeof trendDates>): string[] {
  const dates = trendDates(...question);
  if (!dates) throw new Error(`no trend dates for ${question.join(' ')}`);
  return dates;
}

/**
 * The national trend's model, folded at random moments between writes (from nothing, then incrementally) and read with
 * the changes recorded since: every point equals the summary (which reads the versions), and the model answered.
 */
describe(`the trend model, folded between writes, answers as the versions do (seed ${SEED})`, () => {
  let fixture: LandscapeFixture;
  let app: Awaited<ReturnType<typeof startLandscapeApp>>;
  const random = new SeededRandom(SEED);

  beforeAll(async () => {
    fixture = await openLandscapeFixture();
    app = await startLandscapeApp(fixture.runtime);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await fixture?.close();
  });

  async function expectTrendEqualsSummaries(question: Record<string, string>): Promise<void> {
    const { body: trend } = await app.http().get('/landscape/trend').query(question).expect(200);
    const summaries = [];
    for (const point of trend.points) {
      const { body: summary } = await app.http().get('/landscape/summary').query({ asOf: point.asOf, knownAt: trend.knownAt }).expect(200);
      summaries.push(trendFieldsOf(summary));
    }
    expect({ seed: SEED, question, points: trend.points }).toEqual({ seed: SEED, question, points: summaries });
  }

  it('equals the summaries through folds from nothing, incremental folds and corrections, and is derived again after a switch-over', async () => {
    const recorder = new HistoryRecorder(fixture.store);
    const projector = new PracticeVersionsProjector(fixture.store, fixture.pool, { table: PRACTICE_VERSIONS_TABLE, batchSize: 7 });
    let answeredByModel = 0;
    let folds = 0;
    let foldedThrough: string | null = null;
    for (let round = 0; round < ROUNDS; round++) {
      for (let attempt = 0; attempt < COMMANDS_PER_ROUND; attempt++) {
        await recorder.record(randomCommand(random, PRACTICES, (ods) => recorder.history(ods)));
        if (random.chance(0.1)) await projector.step();
        // Folds in the middle of a round leave changes the next reads must add.
        if (random.chance(0.01) || (round > 0 && attempt === COMMANDS_PER_ROUND / 2)) {
          await projectThrough(projector, fixture.pool, recorder.appended);
          // Bounded folds (as on the embedded database) in steps, sometimes left short of the horizon.
          const maxVersions = random.pick([undefined, 4, 30]);
          for (;;) {
            const outcome = await foldTrend(fixture.pool, { maxVersions });
            if (outcome.folded) [folds, foldedThrough] = [folds + 1, outcome.through];
            if (!outcome.folded || outcome.caughtUp || random.chance(0.2)) break;
          }
        }
      }
      await projectThrough(projector, fixture.pool, recorder.appended);
      const events = [...recorder.histories.values()].flat();
      for (let q = 0; q < QUESTIONS_PER_ROUND; q++) {
        const every = random.pick(TREND_INTERVALS);
        const from = random.chance(0.5) ? random.pick(events).effectiveDate : dateAfter(random, '2001-01-01', 365 * 35);
        const to = dateAfter(random, from, { month: 31, quarter: 92, year: 366 }[every] * (1 + below(random, 40)));
        const question: Record<string, string> = { from, to, every };
        // A knownAt between the fold and now is answered by the model and the changes recorded since it.
        const later = events.filter((event) => foldedThrough !== null && event.recordedAt >= foldedThrough);
        if (later.length > 0 && random.chance(0.5)) question.knownAt = random.pick(later).recordedAt;
        const dates = datesOf(from, to, every);
        if (await readFoldedTrend(fixture.pool, dates, question.knownAt ?? new Date().toISOString(), DEFAULT_BAND_MINS)) answeredByModel++;
        await expectTrendEqualsSummaries(question);
      }
    }
    expect(folds).toBeGreaterThanOrEqual(ROUNDS - 1);
    expect(answeredByModel).toBeGreaterThanOrEqual((ROUNDS - 1) * QUESTIONS_PER_ROUND);

    // A rebuilt table switched in: the model is forgotten (the versions answer), then derived from the new table.
    expect(await rebuildProjections(fixture.store, fixture.pool)).toMatchObject({ switched: true });
    const dates = datesOf('2000-01-01', '2030-01-01', 'year');
    expect(await readFoldedTrend(fixture.pool, dates, new Date().toISOString(), DEFAULT_BAND_MINS)).toBeNull();
    await expectTrendEqualsSummaries({ from: '2000-01-01', to: '2030-01-01', every: 'year' });
    // Derived again from nothing in bounded steps.
    for (let outcome = await foldTrend(fixture.pool, { maxVersions: 25 }); outcome.folded && !outcome.caughtUp;) {
      outcome = await foldTrend(fixture.pool, { maxVersions: 25 });
    }
    expect(await readFoldedTrend(fixture.pool, dates, new Date().toISOString(), DEFAULT_BAND_MINS)).not.toBeNull();
    await expectTrendEqualsSummaries({ from: '2000-01-01', to: '2030-01-01', every: 'year' });

    // A model not kept up (its folder stopped, or still deriving after a bulk load) leaves the trend to the versions.
    await fixture.pool.query(`UPDATE landscape.projection_checkpoints SET stable_horizon = stable_horizon + interval '2 minutes'`);
    expect(await readFoldedTrend(fixture.pool, dates, new Date(Date.now() + 180_000).toISOString(), DEFAULT_BAND_MINS)).toBeNull();
    await expectTrendEqualsSummaries({ from: '2000-01-01', to: '2030-01-01', every: 'year' });
  }, 300_000);
});
