import { foldTrend } from '../src/read-models/landscape-trend/fold-trend.js';
import { verifyProjections } from '../src/verify/verify-projections.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { openLandscapeFixture, type LandscapeFixture, projectLiveThrough } from './support/landscape-fixture.js';
import { SeededRandom } from '../../../test/support/seeded-random.js';

const PRACTICES = Array.from({ length: 30 }, (_, i) => `V${String(40_001 + i)}`);

describe('verify: projection against an independent replay (PostgreSQL server)', () => {
  let fixture: LandscapeFixture;

  beforeAll(async () => {
    fixture = await openLandscapeFixture();
    const recorder = new HistoryRecorder(fixture.store);
    const random = new SeededRandom(3);
    await recorder.recordRandomRounds(random, PRACTICES, 12);
    await projectLiveThrough(fixture, recorder.appended);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('finds no mismatch in a faithful projection', async () => {
    const report = await verifyProjections(fixture.store, fixture.pool, { dates: 6, knownAts: 3 });
    expect(report).toMatchObject({ practices: PRACTICES.length, projectionVersionCurrent: true, mismatches: [] });
    expect(report.comparisons).toBe(report.samples * PRACTICES.length);
  });

  it("checks the trend's model against a fresh derivation, once folded, and counts a tampered change", async () => {
    expect((await verifyProjections(fixture.store, fixture.pool, { dates: 1, knownAts: 1 })).trendModel).toBeNull();
    expect(await foldTrend(fixture.pool)).toMatchObject({ folded: true });
    expect((await verifyProjections(fixture.store, fixture.pool, { dates: 1, knownAts: 1 })).trendModel).toMatchObject({ differing: 0 });
    await fixture.pool.query(
      `UPDATE landscape.trend_deltas SET delta = delta + 1 WHERE (figure, key, valid_on) IN (SELECT figure, key, valid_on FROM landscape.trend_deltas LIMIT 1)`,
    );
    await fixture.pool.query(
      `DELETE FROM landscape.trend_deltas WHERE (figure, key, valid_on) IN (SELECT figure, key, valid_on FROM landscape.trend_deltas OFFSET 5 LIMIT 1)`,
    );
    expect((await verifyProjections(fixture.store, fixture.pool, { dates: 1, knownAts: 1 })).trendModel).toMatchObject({ differing: 2 });
  });

  it('reports each practice and field a tampered projection gets wrong', async () => {
    const { rows } = await fixture.pool.query<{ ods_code: string }>(
      `UPDATE landscape.practice_versions SET state = jsonb_set(state::jsonb, '{name}', '"Tampered"')
        WHERE id = (SELECT min(id) FROM landscape.practice_versions WHERE recorded_to IS NULL AND status = 'open')
        RETURNING ods_code`,
    );
    const report = await verifyProjections(fixture.store, fixture.pool, { dates: 40, knownAts: 3 });
    expect(report.mismatches.length).toBeGreaterThan(0);
    expect(report.mismatches.every((mismatch) => mismatch.odsCode === rows[0].ods_code)).toBe(true);
    expect(report.mismatches[0].fields).toEqual(['name']);
  });
});
