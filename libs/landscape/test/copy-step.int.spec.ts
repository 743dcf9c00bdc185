import type { PracticeCommand } from '#practices';
import { applyBulkStep } from '../src/projector/apply-bulk-step.js';
import { advanced, readCheckpoint } from '../src/projector/checkpoint-store.js';
import { PracticeVersionsProjector } from '../src/projector/practice-versions.projector.js';
import { VERSION_ROW_COLUMNS } from '../src/read-models/practice-versions/version-columns.js';
import {
  PRACTICE_VERSIONS_SHADOW_TABLE,
  PRACTICE_VERSIONS_TABLE,
  practiceVersionsTableSql,
  qualified,
  type PracticeVersionsTable,
} from '../src/schema/practice-versions.ddl.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { openEmbeddedLandscapeFixture, openLandscapeFixture, projectThrough, type AnyLandscapeFixture } from './support/landscape-fixture.js';
import { SeededRandom } from '../../../test/support/seeded-random.js';

const PRACTICES = Array.from({ length: 24 }, (_, i) => `C${String(81_001 + i)}`);
/**
 * What text COPY gives a meaning to (tab, newline, backslash, its NULL marker), what array literals do (quotes, commas,
 * braces), and characters of more than one byte in UTF-8, which binary COPY counts in its field lengths.
 */
const AWKWARD = 'Tŷ Tab\there, "quoted" {braced}\nback\\slash \\N end ✓\r';
const contract = { type: 'APMS', holder: { kind: 'company', id: 'awkward-co', name: AWKWARD } } as const;

// On a server as COPY text FROM STDIN; on the embedded database as binary COPY FROM '/dev/blob' through the PGlite API.
describe.each<[string, () => Promise<AnyLandscapeFixture>]>([
  ['PostgreSQL server', () => openLandscapeFixture()],
  ['embedded database', () => openEmbeddedLandscapeFixture()],
])('projector steps loaded by COPY (%s)', (_database, openFixture) => {
  let fixture: AnyLandscapeFixture;
  let recorder: HistoryRecorder;
  const random = new SeededRandom(11);

  const record = async (command: PracticeCommand) => expect(await recorder.record(command)).toBe(true);
  const rowsOf = async (table: PracticeVersionsTable) =>
    (await fixture.pool.query(`SELECT ${VERSION_ROW_COLUMNS.join(', ')} FROM ${qualified(table)} ORDER BY ods_code, valid_from, recorded_from`)).rows;
  const countOf = async (table: PracticeVersionsTable) =>
    (await fixture.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${qualified(table)}`)).rows[0].n;

  beforeAll(async () => {
    fixture = await openFixture();
    recorder = new HistoryRecorder(fixture.store);
    await record({ type: 'OpenPractice', odsCode: 'C89999', name: AWKWARD, openedOn: '1974-04-01', commissionerCode: '5E1', contract });
    await record({ type: 'JoinFederation', odsCode: 'C89999', federationId: AWKWARD, federationName: AWKWARD, effectiveDate: '2012-01-01' });
    await record({ type: 'JoinFederation', odsCode: 'C89999', federationId: 'plain', federationName: 'Plain', effectiveDate: '2012-02-01' });
    await recorder.recordRandomRounds(random, PRACTICES, 12);
    for (const sql of practiceVersionsTableSql(PRACTICE_VERSIONS_SHADOW_TABLE)) await fixture.pool.query(sql);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('writes exactly the rows the one-call step writes, page by page, closes across pages included', async () => {
    // Same pages for both, small enough that practices span pages: their believed rows are closed by later pages.
    const byJson = new PracticeVersionsProjector(fixture.store, fixture.pool, {
      table: PRACTICE_VERSIONS_TABLE,
      batchSize: 7,
      copyFromRows: Infinity,
    });
    const byCopy = new PracticeVersionsProjector(fixture.store, fixture.pool, {
      table: PRACTICE_VERSIONS_SHADOW_TABLE,
      batchSize: 7,
      copyFromRows: 1,
    });
    await projectThrough(byJson, fixture.pool, recorder.appended);
    await projectThrough(byCopy, fixture.pool, recorder.appended);

    const closed = await fixture.pool.query(`SELECT 1 FROM ${qualified(PRACTICE_VERSIONS_SHADOW_TABLE)} WHERE recorded_to IS NOT NULL LIMIT 1`);
    expect(closed.rowCount).toBe(1);
    const copied = await rowsOf(PRACTICE_VERSIONS_SHADOW_TABLE);
    expect(copied).toEqual(await rowsOf(PRACTICE_VERSIONS_TABLE));
    const awkward = copied.find((row) => row.ods_code === 'C89999' && row.federations.length === 2);
    expect(awkward).toMatchObject({ name: AWKWARD, holder_id: 'awkward-co', federations: [AWKWARD, 'plain'] });
    expect(awkward.state.contract.holder.name).toBe(AWKWARD);
    expect((await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_SHADOW_TABLE)).eventsApplied).toBe(recorder.appended);
  });

  it('writes nothing when the checkpoint has moved since the step was planned', async () => {
    const stored = await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_SHADOW_TABLE);
    const stale = { ...stored, eventsApplied: stored.eventsApplied - 1 };
    const [row] = await rowsOf(PRACTICE_VERSIONS_SHADOW_TABLE);
    const before = await countOf(PRACTICE_VERSIONS_SHADOW_TABLE);
    const insert = {
      odsCode: 'C80000',
      validFrom: '2020-01-01',
      validTo: null,
      recordedFrom: new Date().toISOString(),
      recordedTo: null,
      state: row.state,
    };
    const next = advanced(stale, { cursor: stale.cursor, stableHorizon: null, recordedThrough: null, eventsApplied: 1 });

    expect(await applyBulkStep(fixture.pool, PRACTICE_VERSIONS_SHADOW_TABLE, stale, next, { closes: [], inserts: [insert] })).toBe(false);
    expect(await countOf(PRACTICE_VERSIONS_SHADOW_TABLE)).toBe(before);
    expect(await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_SHADOW_TABLE)).toEqual(stored);
  });

  it('leaves rows and checkpoint as they were when the COPY fails part-way (closes undone too)', async () => {
    const stored = await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_SHADOW_TABLE);
    const rowsBefore = await rowsOf(PRACTICE_VERSIONS_SHADOW_TABLE);
    const believed = rowsBefore.find((row) => row.recorded_to === null)!;
    const at = new Date().toISOString();
    // Enough good rows that the server has loaded some before it meets the last one, which the table's own check
    // refuses (an empty effective range): the transaction, closes and checkpoint included, rolls back.
    const good = Array.from({ length: 300 }, (_, i) => ({
      odsCode: `C7${String(i).padStart(4, '0')}`,
      validFrom: '2020-01-01',
      validTo: null,
      recordedFrom: at,
      recordedTo: null,
      state: believed.state,
    }));
    const bad = { ...good[0], odsCode: 'C80002', validTo: '2020-01-01' };
    const closes = [{ odsCode: believed.ods_code, validFrom: believed.valid_from, at }];
    const next = advanced(stored, { cursor: stored.cursor, stableHorizon: null, recordedThrough: null, eventsApplied: good.length + 1 });

    await expect(applyBulkStep(fixture.pool, PRACTICE_VERSIONS_SHADOW_TABLE, stored, next, { closes, inserts: [...good, bad] })).rejects.toThrow(
      /valid_order/,
    );
    expect(await rowsOf(PRACTICE_VERSIONS_SHADOW_TABLE)).toEqual(rowsBefore);
    expect(await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_SHADOW_TABLE)).toEqual(stored);
  });
});
