import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readCheckpoint } from '../src/projector/checkpoint-store.js';
import { rebuildProjections } from '../src/rebuild/rebuild-projections.js';
import { PRACTICE_VERSIONS_TABLE } from '../src/schema/practice-versions.ddl.js';
import { verifyProjections } from '../src/verify/verify-projections.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { openLandscapeFixture, type LandscapeFixture } from './support/landscape-fixture.js';
import { SeededRandom } from '../../../test/support/seeded-random.js';

const PRACTICES = Array.from({ length: 150 }, (_, i) => `C${String(20_001 + i)}`);
const MIN_EVENTS = 4_000;
const KILLS = 3;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Starts the projector child process; `steps` resolves once it has printed that many committed steps. */
function startProjector(
  url: string,
  untilEvents?: number,
): { child: ChildProcess; steps: (n: number) => Promise<void>; exited: Promise<number | null> } {
  const until = untilEvents === undefined ? {} : { UNTIL_EVENTS: String(untilEvents) };
  const child = spawn(process.execPath, ['--import', here('../../../test/support/ts-register.mjs'), here('./support/projector-child.ts')], {
    env: { ...process.env, DATABASE_URL: url, BATCH_SIZE: '25', NODE_OPTIONS: '', ...until },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    printed += chunk
      .toString()
      .split('\n')
      .filter((line) => line.startsWith('step')).length;
    for (const waiter of waiters.filter((w) => printed >= w.n)) waiter.resolve();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, steps: (n) => new Promise<void>((resolve) => waiters.push({ n, resolve })) };
}

const versionRows = (fixture: LandscapeFixture) =>
  fixture.pool
    .query(
      `SELECT ods_code, valid_from, valid_to, recorded_from, recorded_to, state FROM landscape.practice_versions
        ORDER BY ods_code, valid_from, recorded_from`,
    )
    .then(({ rows }) => rows);

describe('projector killed with SIGKILL in the middle of catching up (PostgreSQL server)', () => {
  let fixture: LandscapeFixture;
  let recorder: HistoryRecorder;

  beforeAll(async () => {
    fixture = await openLandscapeFixture();
    recorder = new HistoryRecorder(fixture.store);
    const random = new SeededRandom(7);
    while (recorder.appended < MIN_EVENTS) {
      await recorder.recordRandomRounds(random, PRACTICES);
    }
  }, 120_000);

  afterAll(async () => {
    await fixture?.close();
  });

  it('resumes from its checkpoint and ends with the read model a fresh replay gives', async () => {
    let applied = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const projector = startProjector(fixture.server.url);
      await projector.steps(15 + kill * 7);
      projector.child.kill('SIGKILL');
      await projector.exited;
      const checkpoint = await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_TABLE);
      expect(checkpoint.eventsApplied).toBeGreaterThan(applied);
      applied = checkpoint.eventsApplied;
    }
    expect(applied).toBeLessThan(recorder.appended);

    const restarted = startProjector(fixture.server.url, recorder.appended);
    expect(await restarted.exited).toBe(0);

    const checkpoint = await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_TABLE);
    expect(checkpoint.eventsApplied).toBe(recorder.appended);
    const report = await verifyProjections(fixture.store, fixture.pool, { dates: 8, knownAts: 5 });
    expect(report.mismatches).toEqual([]);

    const resumed = await versionRows(fixture);
    await rebuildProjections(fixture.store, fixture.pool);
    expect(await versionRows(fixture)).toEqual(resumed);
    // Thousands of events through several killed processes: on a loaded 2-core machine this can take minutes.
  }, 240_000);
});
