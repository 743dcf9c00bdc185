import { stateAt, type PracticeSnapshot } from '#practices';
import { toPracticeFields } from '../src/application/shared/practice-view.js';
import { PracticeVersionsProjector } from '../src/projector/practice-versions.projector.js';
import { rebuildProjections } from '../src/rebuild/rebuild-projections.js';
import { PRACTICE_VERSIONS_TABLE } from '../src/schema/practice-versions.ddl.js';
import { verifyProjections } from '../src/verify/verify-projections.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { startLandscapeApp } from './support/landscape-app.js';
import { openLandscapeFixture, projectThrough, type LandscapeFixture } from './support/landscape-fixture.js';
import { randomCommand } from './support/random-commands.js';
import { SeededRandom, dateAfter } from '../../../test/support/seeded-random.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20_251_123);
const PRACTICES = Array.from({ length: 36 }, (_, i) => `P${String(10_001 + i)}`);
const COMMAND_ATTEMPTS = 900;
const PAIRS = 24;

interface Pair {
  readonly asOf: string;
  readonly knownAt: string;
}

const shiftMs = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();
const shiftDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe(`landscape queries equal the pure fold for random valid histories (seed ${SEED})`, () => {
  let fixture: LandscapeFixture;
  let app: Awaited<ReturnType<typeof startLandscapeApp>>;
  const random = new SeededRandom(SEED);
  let recorder: HistoryRecorder;
  let pairs: Pair[];

  beforeAll(async () => {
    fixture = await openLandscapeFixture();
    app = await startLandscapeApp(fixture.runtime);
    recorder = new HistoryRecorder(fixture.store);
    const projectors = [1, 7, 50].map(
      (batchSize) => new PracticeVersionsProjector(fixture.store, fixture.pool, { table: PRACTICE_VERSIONS_TABLE, batchSize }),
    );
    for (let attempt = 0; attempt < COMMAND_ATTEMPTS; attempt++) {
      await recorder.record(randomCommand(random, PRACTICES, (ods) => recorder.history(ods)));
      // Project at random moments and in pages of different sizes: incremental updates, not one bulk load.
      if (random.chance(0.15)) await random.pick(projectors).step();
    }
    await projectThrough(projectors[2], fixture.pool, recorder.appended);
    pairs = samplePairs();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await fixture?.close();
  });

  function samplePairs(): Pair[] {
    const events = [...recorder.histories.values()].flat();
    const result: Pair[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const recordedAt = random.pick(events).recordedAt;
      const knownAt = random.pick([recordedAt, shiftMs(recordedAt, -1), shiftMs(recordedAt, 1)]);
      const effective = random.pick(events).effectiveDate;
      const asOf = random.pick([effective, shiftDays(effective, -1), dateAfter(random, '2003-06-01', 365 * 36)]);
      result.push({ asOf, knownAt });
    }
    return result;
  }

  const folded = (pair: Pair): Map<string, PracticeSnapshot> =>
    new Map(
      [...recorder.histories]
        .map(([ods, history]) => [ods, stateAt(history, pair.asOf, pair.knownAt)] as const)
        .filter((entry): entry is readonly [string, PracticeSnapshot] => entry[1] !== null),
    );

  async function expectListingsToMatch(): Promise<void> {
    for (const pair of pairs) {
      const response = await app
        .http()
        .get('/practices')
        .query({ ...pair, status: 'all', limit: 1000 })
        .expect(200);
      const expected = [...folded(pair).values()].sort((a, b) => a.odsCode.localeCompare(b.odsCode)).map(toPracticeFields);
      expect({ seed: SEED, ...pair, knownAtUsed: response.body.knownAt, items: response.body.items }).toEqual({
        seed: SEED,
        ...pair,
        knownAtUsed: pair.knownAt,
        items: expected,
      });
      expect(response.body.total).toBe(expected.length);
    }
  }

  it('generates histories with retroactive insertions, retractions, merges and future dates', () => {
    const events = [...recorder.histories.values()].flat();
    const types = new Set(events.map((event) => event.event.type));
    const retroactive = [...recorder.histories.values()].some((history) =>
      history.some((event, i) => history.slice(0, i).some((earlier) => earlier.effectiveDate > event.effectiveDate)),
    );
    const today = new Date().toISOString().slice(0, 10);
    expect({ retroactive, future: events.some((event) => event.effectiveDate > today), events: events.length > 300 }).toEqual({
      retroactive: true,
      future: true,
      events: true,
    });
    expect([...types]).toEqual(expect.arrayContaining(['EventRetracted', 'PracticeMerged', 'PracticeAbsorbed', 'PracticeClosed']));
  });

  it('GET /practices lists exactly the folded states, for random (asOf, knownAt)', async () => {
    await expectListingsToMatch();
  });

  it('GET /practices/{ods} answers the folded state, or 404 when the fold has none', async () => {
    for (const pair of pairs) {
      const odsCode = random.pick(PRACTICES);
      const state = stateAt(recorder.history(odsCode), pair.asOf, pair.knownAt);
      const response = await app.http().get(`/practices/${odsCode}`).query(pair);
      if (state === null) {
        expect({ seed: SEED, odsCode, ...pair, status: response.status }).toEqual({ seed: SEED, odsCode, ...pair, status: 404 });
      } else {
        expect({ seed: SEED, ...pair, body: response.body }).toEqual({ seed: SEED, ...pair, body: { ...toPracticeFields(state), ...pair } });
      }
    }
  });

  it('GET /landscape/summary adds up the folded open practices', async () => {
    for (const pair of pairs.slice(0, 8)) {
      const open = [...folded(pair).values()].filter((state) => state.status === 'open');
      const count = (pick: (state: PracticeSnapshot) => string) =>
        open.reduce<Record<string, number>>((counts, state) => ({ ...counts, [pick(state)]: (counts[pick(state)] ?? 0) + 1 }), {});
      const { body } = await app.http().get('/landscape/summary').query(pair).expect(200);
      expect({ seed: SEED, ...pair, summary: body }).toMatchObject({
        seed: SEED,
        summary: {
          practices: { open: open.length },
          byCommissioner: count((state) => state.commissionerCode ?? 'none'),
          byContractType: count((state) => state.contract?.type ?? 'none'),
          gps: { partners: open.reduce((n, s) => n + s.partnerCount, 0), salaried: open.reduce((n, s) => n + s.salariedCount, 0) },
          singleHanded: open.filter((state) => state.singleHanded).length,
          withoutPartners: open.filter((state) => state.withoutPartners).length,
          subcontracted: { total: open.filter((state) => state.subcontract !== null).length },
          pcns: { practicesInPcn: open.filter((state) => state.pcn !== null).length },
          registeredPatients: open.reduce((n, s) => n + (s.registeredPatients ?? 0), 0),
        },
      });
    }
  });

  it('answers the same after rebuild-projections, and verify finds no mismatch', async () => {
    const result = await rebuildProjections(fixture.store, fixture.pool, { batchSize: 97 });
    expect(result.eventsApplied).toBe(recorder.appended);
    await expectListingsToMatch();
    const report = await verifyProjections(fixture.store, fixture.pool, { dates: 12, knownAts: 6 });
    expect(report.mismatches).toEqual([]);
    expect(report.comparisons).toBeGreaterThan(0);
  });
});
