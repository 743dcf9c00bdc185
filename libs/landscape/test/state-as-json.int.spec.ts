import type { QueryRunner } from 'typeorm';
import { StateAsJson1763857000000 } from '../src/migrations/1763857000000-state-as-json.js';
import { PracticeVersionsProjector } from '../src/projector/practice-versions.projector.js';
import { PRACTICE_VERSIONS_TABLE } from '../src/schema/practice-versions.ddl.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { openLandscapeFixture, projectThrough, type LandscapeFixture } from './support/landscape-fixture.js';
import { randomCommand } from './support/random-commands.js';
import { SeededRandom } from '../../../test/support/seeded-random.js';

const PRACTICES = Array.from({ length: 10 }, (_, i) => `J${String(70_001 + i)}`);

describe('the state stored as json (migration 1763857000000, PostgreSQL server)', () => {
  let fixture: LandscapeFixture;
  let recorder: HistoryRecorder;
  const random = new SeededRandom(31);
  const runner = () =>
    ({ query: (sql: string, params?: unknown[]) => fixture.pool.query(sql, params).then((r) => r.rows) }) as unknown as QueryRunner;
  const typeOf = async (schema: string, table: string, column: string) =>
    (
      await fixture.pool.query<{ data_type: string }>(
        `SELECT data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name = $3`,
        [schema, table, column],
      )
    ).rows[0]?.data_type;
  const reportingRows = async () => ({
    versions: (await fixture.pool.query('SELECT * FROM reporting.practice_versions ORDER BY ods_code, valid_from, recorded_from')).rows,
    current: (await fixture.pool.query('SELECT * FROM reporting.current_landscape ORDER BY ods_code, version_valid_from')).rows,
    at: (await fixture.pool.query(`SELECT * FROM reporting.landscape_at('2020-01-01') ORDER BY ods_code`)).rows,
    stateTypes: (await fixture.pool.query(`SELECT pg_typeof(state)::text AS type FROM reporting.landscape_at('2020-01-01') LIMIT 1`)).rows,
  });

  beforeAll(async () => {
    fixture = await openLandscapeFixture();
    recorder = new HistoryRecorder(fixture.store);
    for (let round = 0; round < 8; round++) {
      await recorder.recordRound(PRACTICES.map(() => randomCommand(random, PRACTICES, (ods) => recorder.history(ods))));
    }
    await projectThrough(
      new PracticeVersionsProjector(fixture.store, fixture.pool, { table: PRACTICE_VERSIONS_TABLE }),
      fixture.pool,
      recorder.appended,
    );
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('stores json and still shows jsonb to reporting; undone and done again, every reporting answer stays the same', async () => {
    expect(await typeOf('landscape', PRACTICE_VERSIONS_TABLE, 'state')).toBe('json');
    expect(await typeOf('reporting', 'practice_versions', 'state')).toBe('jsonb');
    expect(await typeOf('reporting', 'current_landscape', 'state')).toBe('jsonb');
    const migrated = await reportingRows();
    expect(migrated.versions.length).toBeGreaterThan(PRACTICES.length);
    expect(migrated.at.length).toBeGreaterThan(0);
    expect(migrated.stateTypes).toEqual([{ type: 'jsonb' }]);

    await new StateAsJson1763857000000().down(runner());
    expect(await typeOf('landscape', PRACTICE_VERSIONS_TABLE, 'state')).toBe('jsonb');
    expect(await reportingRows()).toEqual(migrated);

    await new StateAsJson1763857000000().up(runner());
    expect(await typeOf('landscape', PRACTICE_VERSIONS_TABLE, 'state')).toBe('json');
    expect(await typeOf('reporting', 'practice_versions', 'state')).toBe('jsonb');
    expect(await reportingRows()).toEqual(migrated);
  });

  it('takes a projector step (its rows arrive as jsonb, cast on assignment) and reads the state back whole', async () => {
    await recorder.recordRound(PRACTICES.map(() => randomCommand(random, PRACTICES, (ods) => recorder.history(ods))));
    await projectThrough(
      new PracticeVersionsProjector(fixture.store, fixture.pool, { table: PRACTICE_VERSIONS_TABLE }),
      fixture.pool,
      recorder.appended,
    );
    const { rows } = await fixture.pool.query<{ ods_code: string; state: { odsCode: string } }>(
      `SELECT ods_code, state FROM landscape.${PRACTICE_VERSIONS_TABLE} WHERE recorded_to IS NULL`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.state.odsCode).toBe(row.ods_code);
  });
});
