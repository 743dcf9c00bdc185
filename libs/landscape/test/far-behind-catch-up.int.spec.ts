import { CatchUpProgress, type CatchUpMode } from '../src/catch-up/catch-up-progress.js';
import { catchUpIfFarBehind } from '../src/catch-up/far-behind-catch-up.js';
import { readCheckpoint } from '../src/projector/checkpoint-store.js';
import { PRACTICE_VERSIONS_TABLE } from '../src/schema/practice-versions.ddl.js';
import { verifyProjections } from '../src/verify/verify-projections.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { openEmbeddedLandscapeFixture, openLandscapeFixture, type AnyLandscapeFixture } from './support/landscape-fixture.js';
import { SeededRandom } from '../../../test/support/seeded-random.js';
import { eventually } from '../../../test/support/eventually.js';

const PRACTICES = Array.from({ length: 40 }, (_, i) => `F${String(60_001 + i)}`);
/** Small enough for a test's log to count as "far behind" (the service's own threshold is 20,000 events). */
const FAR_BEHIND = 60;

/** Records the modes reported to it, as /health would show them. */
class RecordingProgress extends CatchUpProgress {
  readonly modes: CatchUpMode[] = [];
  override begin(mode: CatchUpMode, backlog: number): void {
    this.modes.push(mode);
    super.begin(mode, backlog);
  }
}

describe.each<[string, () => Promise<AnyLandscapeFixture>]>([
  ['PostgreSQL server', () => openLandscapeFixture()],
  ['embedded database', () => openEmbeddedLandscapeFixture()],
])('a projector far behind the log catches up in bulk (%s)', (_database, openFixture) => {
  let fixture: AnyLandscapeFixture;
  let recorder: HistoryRecorder;
  const random = new SeededRandom(19);
  const rounds = (count: number) => recorder.recordRandomRounds(random, PRACTICES, count);
  /** Once every recorded event is readable (a transaction open elsewhere on a shared server holds the log back). */
  const catchUp = async (progress: CatchUpProgress) => {
    const { cursor, eventsApplied } = await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_TABLE);
    const readable = await eventually(
      () => fixture.store.backlog(cursor, Number.MAX_SAFE_INTEGER),
      (backlog) => backlog.events === recorder.appended - eventsApplied,
      90_000,
    );
    expect(readable.events).toBe(recorder.appended - eventsApplied);
    return catchUpIfFarBehind(fixture.store, fixture.pool, progress, new AbortController().signal, () => undefined, FAR_BEHIND);
  };
  const expectProjectionMatchesLog = async () => {
    const checkpoint = await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_TABLE);
    expect(checkpoint.eventsApplied).toBe(recorder.appended);
    const report = await verifyProjections(fixture.store, fixture.pool, { dates: 6, knownAts: 4 });
    expect(report.mismatches).toEqual([]);
  };

  beforeAll(async () => {
    fixture = await openFixture();
    recorder = new HistoryRecorder(fixture.store);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('rebuilds beside the live table when the backlog is larger than what it holds, reporting progress', async () => {
    await rounds(20);
    const progress = new RecordingProgress();
    expect(await catchUp(progress)).toBe('ran');
    expect(progress.modes).toEqual(['rebuild']);
    expect(progress.report()).toBeNull();
    expect(progress.lastFinished()?.events).toBe(recorder.appended);
    await expectProjectionMatchesLog();
  });

  it('applies a backlog smaller than the table in bulk pages onto it', async () => {
    const before = recorder.appended;
    await rounds(8);
    expect(recorder.appended - before).toBeGreaterThan(FAR_BEHIND);
    expect(recorder.appended - before).toBeLessThan(before);
    const progress = new RecordingProgress();
    expect(await catchUp(progress)).toBe('ran');
    expect(progress.modes).toEqual(['bulk']);
    expect(progress.lastFinished()?.events).toBe(recorder.appended - before);
    await expectProjectionMatchesLog();
  });

  it('leaves a short backlog to the small steps', async () => {
    const before = recorder.appended;
    await rounds(1);
    expect(recorder.appended - before).toBeLessThan(FAR_BEHIND);
    const progress = new RecordingProgress();
    expect(await catchUp(progress)).toBe('not-needed');
    expect(progress.modes).toEqual([]);
  });
});
