import type { PracticeSnapshot } from '#practices';
import { SummaryFacts1763856500000 } from '../src/migrations/1763856500000-summary-facts.js';
import { SUMMARY_FACTS_FROM_COLUMNS_SQL, summaryFactsOf } from '../src/read-models/practice-versions/summary-facts.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { openLandscapeFixture, type LandscapeFixture, projectLiveThrough, poolQueryRunner } from './support/landscape-fixture.js';
import { SeededRandom } from '../../../test/support/seeded-random.js';

const PRACTICES = Array.from({ length: 20 }, (_, i) => `V${String(50_001 + i)}`);

interface FactsRow {
  readonly id: string;
  readonly summary_facts: string;
  readonly from_columns: string;
  readonly state: PracticeSnapshot;
}

describe('summary facts of practice versions (PostgreSQL server)', () => {
  let fixture: LandscapeFixture;

  beforeAll(async () => {
    fixture = await openLandscapeFixture();
    const recorder = new HistoryRecorder(fixture.store);
    const random = new SeededRandom(11);
    await recorder.recordRandomRounds(random, PRACTICES, 10);
    await projectLiveThrough(fixture, recorder.appended);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  const readRows = async () =>
    (
      await fixture.pool.query<FactsRow>(
        `SELECT id, summary_facts, ${SUMMARY_FACTS_FROM_COLUMNS_SQL} AS from_columns, state FROM landscape.practice_versions ORDER BY id`,
      )
    ).rows;

  it('the projector writes each version the facts of its state, the same as the narrow columns give', async () => {
    const rows = await readRows();
    expect(rows.length).toBeGreaterThan(PRACTICES.length);
    for (const row of rows) {
      const facts = JSON.parse(row.summary_facts);
      expect({ id: row.id, facts }).toEqual({ id: row.id, facts: summaryFactsOf(row.state) });
      expect({ id: row.id, facts }).toEqual({ id: row.id, facts: JSON.parse(row.from_columns) });
    }
  });

  it('the migration fills the column of a table projected before it existed, with the same facts', async () => {
    const before = await readRows();
    await fixture.pool.query('ALTER TABLE landscape.practice_versions DROP COLUMN summary_facts');
    const runner = poolQueryRunner(fixture.pool);
    await new SummaryFacts1763856500000().up(runner);
    const after = await readRows();
    expect(after.map((row) => [row.id, JSON.parse(row.summary_facts)])).toEqual(before.map((row) => [row.id, JSON.parse(row.summary_facts)]));
    const { rows } = await fixture.pool.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'landscape' AND indexname LIKE 'practice_versions_summary_%' ORDER BY 1`,
    );
    expect(rows.map((row) => row.indexname)).toEqual(['practice_versions_summary_believed', 'practice_versions_summary_superseded']);
  });
});
