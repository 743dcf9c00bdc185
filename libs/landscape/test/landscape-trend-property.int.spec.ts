import { trendDates, TREND_INTERVALS } from '../src/application/get-landscape-trend/trend-dates.js';
import { PracticeVersionsProjector } from '../src/projector/practice-versions.projector.js';
import { PRACTICE_VERSIONS_TABLE } from '../src/schema/practice-versions.ddl.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { startLandscapeApp } from './support/landscape-app.js';
import { trendFieldsOf } from './support/trend-fields.js';
import { openLandscapeFixture, projectThrough, type LandscapeFixture } from './support/landscape-fixture.js';
import { randomCommand } from './support/random-commands.js';
import { SeededRandom, dateAfter, below } from '../../../test/support/seeded-random.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20_261_204);
const PRACTICES = Array.from({ length: 30 }, (_, i) => `P${String(20_001 + i)}`);
const COMMAND_ATTEMPTS = 800;
const TRENDS = 14;
// The codes random-commands.ts assigns, and one no practice has.
const COMMISSIONERS = ['00K', '5E1', '4QP36', 'QOP', 'Q99'];
const BANDS = ['20000,100000', '5000', '1000,3000,9000,27000'];

describe(`every trend point equals the summary on its date, for random histories and questions (seed ${SEED})`, () => {
  let fixture: LandscapeFixture;
  let app: Awaited<ReturnType<typeof startLandscapeApp>>;
  const random = new SeededRandom(SEED);
  let recorder: HistoryRecorder;

  beforeAll(async () => {
    fixture = await openLandscapeFixture();
    app = await startLandscapeApp(fixture.runtime);
    recorder = new HistoryRecorder(fixture.store);
    const projectors = [1, 7, 50].map(
      (batchSize) => new PracticeVersionsProjector(fixture.store, fixture.pool, { table: PRACTICE_VERSIONS_TABLE, batchSize }),
    );
    for (let attempt = 0; attempt < COMMAND_ATTEMPTS; attempt++) {
      await recorder.record(randomCommand(random, PRACTICES, (ods) => recorder.history(ods)));
      // Incremental projection in pages of different sizes, so superseded versions are closed as in service.
      if (random.chance(0.15)) await random.pick(projectors).step();
    }
    await projectThrough(projectors[2], fixture.pool, recorder.appended);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await fixture?.close();
  });

  function randomQuestion(): Record<string, string | string[]> {
    const events = [...recorder.histories.values()].flat();
    const every = random.pick(TREND_INTERVALS);
    const from = random.chance(0.5) ? random.pick(events).effectiveDate : dateAfter(random, '2001-01-01', 365 * 35);
    const span = { month: 31, quarter: 92, year: 366 }[every] * (1 + below(random, 40));
    const question: Record<string, string | string[]> = { from, to: dateAfter(random, from, span), every, bands: random.pick(BANDS) };
    if (random.chance(0.7)) {
      const recordedAt = random.pick(events).recordedAt;
      question.knownAt = new Date(Date.parse(recordedAt) + random.pick([-1, 0, 1])).toISOString();
    }
    if (random.chance(0.6)) question.commissioner = COMMISSIONERS.filter(() => random.chance(0.4)).concat(random.pick(COMMISSIONERS));
    return question;
  }

  it('generates histories with retractions, merges, list sizes and subcontracts', () => {
    const types = new Set([...recorder.histories.values()].flat().map((event) => event.event.type));
    expect([...types]).toEqual(expect.arrayContaining(['EventRetracted', 'PracticeMerged', 'ListSizeRecorded', 'ContractSubcontractedToTrust']));
  });

  it('GET /landscape/trend gives, on every date, the fields of GET /landscape/summary with the same filter and knownAt', async () => {
    let nonEmpty = 0;
    for (let i = 0; i < TRENDS; i++) {
      const question = randomQuestion();
      const { body: trend } = await app.http().get('/landscape/trend').query(question).expect(200);
      const dates = trendDates(question.from as string, question.to as string, question.every as 'month');
      expect({ seed: SEED, question, dates: trend.points.map((point: { asOf: string }) => point.asOf) }).toEqual({ seed: SEED, question, dates });
      if (question.knownAt !== undefined) expect(trend.knownAt).toBe(question.knownAt);
      const summaries = [];
      for (const point of trend.points) {
        const summaryQuery = { asOf: point.asOf, knownAt: trend.knownAt, bands: question.bands, commissioner: question.commissioner };
        const { body: summary } = await app.http().get('/landscape/summary').query(summaryQuery).expect(200);
        expect(summary.knownAt).toBe(trend.knownAt);
        summaries.push(trendFieldsOf(summary));
        if (summary.practices.open > 0) nonEmpty++;
      }
      expect({ seed: SEED, question, points: trend.points }).toEqual({ seed: SEED, question, points: summaries });
    }
    // The property says little if every date was empty.
    expect(nonEmpty).toBeGreaterThan(20);
  }, 120_000);
});
