import { StateAsJson1763857000000 } from '../src/migrations/1763857000000-state-as-json.js';
import { ApplyStepJsonInserts1763857100000 } from '../src/migrations/1763857100000-apply-step-json-inserts.js';
import { PRACTICE_VERSIONS_TABLE } from '../src/schema/practice-versions.ddl.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { openLandscapeFixture, type LandscapeFixture, projectLiveThrough, poolQueryRunner } from './support/landscape-fixture.js';
import { SeededRandom } from '../../../test/support/seeded-random.js';

const PRACTICES = Array.from({ length: 10 }, (_, i) => `J${String(70_001 + i)}`);

describe('the state stored as json (migration 1763857000000, PostgreSQL server)', () => {
  let fixture: LandscapeFixture;
  let recorder: HistoryRecorder;
  const random = new SeededRandom(31);
  const runner = () => poolQueryRunner(fixture.pool);
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
    await recorder.recordRandomRounds(random, PRACTICES, 8);
    await projectLiveThrough(fixture, recorder.appended);
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

  it('takes a projector step (its rows reach the step function as json) and reads the state back whole', async () => {
    await recorder.recordRandomRounds(random, PRACTICES);
    await projectLiveThrough(fixture, recorder.appended);
    const { rows } = await fixture.pool.query<{ ods_code: string; state: { odsCode: string } }>(
      `SELECT ods_code, state FROM landscape.${PRACTICE_VERSIONS_TABLE} WHERE recorded_to IS NULL`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.state.odsCode).toBe(row.ods_code);
  });
  it('has one step function, taking its rows as json; undone, the jsonb one alone, and a step still lands done again', async () => {
    const signatures = async () =>
      (
        await fixture.pool.query<{ args: string }>(
          `SELECT pg_get_function_identity_arguments(oid) AS args FROM pg_proc WHERE proname = 'apply_projection_step'`,
        )
      ).rows.map((row) => row.args.split(', ').at(-1));
    expect(await signatures()).toEqual(['inserts json']);
    await new ApplyStepJsonInserts1763857100000().down(runner());
    expect(await signatures()).toEqual(['inserts jsonb']);
    await new ApplyStepJsonInserts1763857100000().up(runner());
    expect(await signatures()).toEqual(['inserts json']);
    await recorder.recordRandomRounds(random, PRACTICES);
    await projectLiveThrough(fixture, recorder.appended);
  });
});
