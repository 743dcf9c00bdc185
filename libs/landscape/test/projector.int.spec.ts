import { stateAt, type PracticeCommand } from '#practices';
import { canonicalJson } from '../src/read-models/practice-versions/canonical-json.js';
import { landscapeAt } from '../src/read-models/practice-versions/landscape-at.js';
import { PracticeVersionsProjector } from '../src/projector/practice-versions.projector.js';
import { ProjectionSignals } from '../src/projector/projection-signals.js';
import { applyStep } from '../src/projector/apply-step.js';
import { advanced, readCheckpoint } from '../src/projector/checkpoint-store.js';
import { PRACTICE_VERSIONS_TABLE } from '../src/schema/practice-versions.ddl.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { openLandscapeFixture, projectThrough, type LandscapeFixture } from './support/landscape-fixture.js';

const ODS = 'M92011';
const contract = { type: 'GMS', holder: { kind: 'partnership', id: 'church-street', name: 'Church Street' } } as const;

describe('landscape projector (PostgreSQL server)', () => {
  let fixture: LandscapeFixture;
  let recorder: HistoryRecorder;
  let projector: PracticeVersionsProjector;

  beforeAll(async () => {
    fixture = await openLandscapeFixture();
    recorder = new HistoryRecorder(fixture.store);
    projector = new PracticeVersionsProjector(fixture.store, fixture.pool, { table: PRACTICE_VERSIONS_TABLE, batchSize: 2 });
  });
  afterAll(async () => {
    await fixture?.close();
  });

  const record = async (command: PracticeCommand) => {
    expect(await recorder.record(command)).toBe(true);
    return recorder.history(command.odsCode).at(-1)!;
  };

  const expectProjectionToMatchFold = async (asOf: string, knownAt: string) => {
    const projected = await landscapeAt(fixture.pool, asOf, knownAt);
    for (const [odsCode, history] of recorder.histories) {
      const folded = stateAt(history, asOf, knownAt);
      expect({ odsCode, asOf, knownAt, state: canonicalJson(projected.get(odsCode) ?? null) }).toEqual({
        odsCode,
        asOf,
        knownAt,
        state: canonicalJson(folded),
      });
    }
  };

  it('keeps each belief visible to the knownAt instants it held for, through retroactive changes and retractions', async () => {
    await record({ type: 'OpenPractice', odsCode: ODS, name: 'Church Street Surgery', openedOn: '2010-04-01', commissionerCode: '5E1', contract });
    await record({ type: 'AddPartner', odsCode: ODS, gmcNumber: '4012345', name: 'Dr A', effectiveDate: '2012-01-01' });
    const listSize = await record({ type: 'RecordListSize', odsCode: ODS, registeredPatients: 9000, effectiveDate: '2015-01-01' });
    await projectThrough(projector, fixture.pool, recorder.appended);
    const beforeRetroactive = (await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_TABLE)).stableHorizon!;

    const retroactive = await record({ type: 'AddPartner', odsCode: ODS, gmcNumber: '4012346', name: 'Dr B', effectiveDate: '2011-06-01' });
    const retraction = await record({ type: 'RetractEvent', odsCode: ODS, eventId: listSize.eventId, reason: 'wrong practice' });
    await record({ type: 'ChangeCommissioner', odsCode: ODS, commissionerCode: '00K', effectiveDate: '2030-01-01' });
    await projectThrough(projector, fixture.pool, recorder.appended);
    const horizon = (await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_TABLE)).stableHorizon!;

    for (const asOf of ['2010-03-31', '2010-04-01', '2011-06-01', '2012-01-01', '2015-01-01', '2029-12-31', '2030-01-01']) {
      for (const knownAt of [beforeRetroactive, retroactive.recordedAt, retraction.recordedAt, horizon]) {
        await expectProjectionToMatchFold(asOf, knownAt);
      }
    }
    const asKnownBefore = await landscapeAt(fixture.pool, '2016-01-01', beforeRetroactive);
    expect(asKnownBefore.get(ODS)).toMatchObject({ registeredPatients: 9000, partnerCount: 1 });
    const asKnownNow = await landscapeAt(fixture.pool, '2016-01-01', horizon);
    expect(asKnownNow.get(ODS)).toMatchObject({ registeredPatients: null, partnerCount: 2 });
  });

  it('rewrites only the practice a change concerns', async () => {
    const other = 'M92012';
    await record({ type: 'OpenPractice', odsCode: other, name: 'Other Surgery', openedOn: '2009-01-01', commissionerCode: '5E1', contract });
    await projectThrough(projector, fixture.pool, recorder.appended);
    const { rows: before } = await fixture.pool.query('SELECT id FROM landscape.practice_versions WHERE ods_code = $1 ORDER BY id', [other]);
    await record({ type: 'RenamePractice', odsCode: ODS, name: 'Church Street Medical Centre', effectiveDate: '2013-01-01' });
    await projectThrough(projector, fixture.pool, recorder.appended);
    const { rows: after } = await fixture.pool.query(
      'SELECT id FROM landscape.practice_versions WHERE ods_code = $1 AND recorded_to IS NULL ORDER BY id',
      [other],
    );
    expect(after).toEqual(before);
  });

  it('applies each event once: a second projector sharing the checkpoint writes nothing twice', async () => {
    const twin = new PracticeVersionsProjector(fixture.store, fixture.pool, { table: PRACTICE_VERSIONS_TABLE, batchSize: 3 });
    for (let i = 0; i < 6; i++) {
      await record({ type: 'RecordListSize', odsCode: ODS, registeredPatients: 7000 + i, effectiveDate: `2016-0${i + 1}-01` });
    }
    await Promise.all([projector.catchUp(), twin.catchUp()]);
    await projectThrough(twin, fixture.pool, recorder.appended);
    const horizon = (await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_TABLE)).stableHorizon!;
    await expectProjectionToMatchFold('2016-06-15', horizon);
    const { rows } = await fixture.pool.query(
      `SELECT count(*)::int AS n FROM landscape.practice_versions a JOIN landscape.practice_versions b
          ON a.ods_code = b.ods_code AND a.id < b.id AND a.valid && b.valid AND a.recorded && b.recorded`,
    );
    expect(rows[0].n).toBe(0);
  });
  it('writes nothing when the checkpoint it planned from has moved, then goes on from the stored one', async () => {
    await projectThrough(projector, fixture.pool, recorder.appended);
    await record({ type: 'RecordListSize', odsCode: ODS, registeredPatients: 8100, effectiveDate: '2017-01-01' });
    const other = new PracticeVersionsProjector(fixture.store, fixture.pool, { table: PRACTICE_VERSIONS_TABLE });
    await projectThrough(other, fixture.pool, recorder.appended);
    const moved = await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_TABLE);
    const rows = await fixture.pool.query('SELECT count(*)::int AS n FROM landscape.practice_versions');

    // `projector` still holds the checkpoint it last committed, from before `other` applied the list size.
    const stale = await projector.step();
    expect(stale).toMatchObject({ applied: 0, conflict: true });
    expect(await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_TABLE)).toEqual(moved);
    expect((await fixture.pool.query('SELECT count(*)::int AS n FROM landscape.practice_versions')).rows).toEqual(rows.rows);

    const next = await projector.step();
    expect(next).toMatchObject({ conflict: false, cursor: moved.cursor });
  });

  it('matches a stored checkpoint whose instants carry microseconds (compared to the millisecond)', async () => {
    await fixture.pool.query(
      `UPDATE landscape.projection_checkpoints
          SET stable_horizon = stable_horizon + interval '321 microseconds', recorded_through = recorded_through + interval '654 microseconds'
        WHERE name = $1`,
      [PRACTICE_VERSIONS_TABLE],
    );
    await record({ type: 'RecordListSize', odsCode: ODS, registeredPatients: 8200, effectiveDate: '2017-02-01' });
    const fresh = new PracticeVersionsProjector(fixture.store, fixture.pool, { table: PRACTICE_VERSIONS_TABLE });
    const conflicts: boolean[] = [];
    // On a shared server the new event may be held back a moment by someone else's open transaction: step until applied.
    for (let tries = 0; tries < 250 && (await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_TABLE)).eventsApplied < recorder.appended; tries++) {
      const step = await fresh.step();
      conflicts.push(step.conflict);
      if (step.applied === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(conflicts).not.toContain(true);
    expect((await readCheckpoint(fixture.pool, PRACTICE_VERSIONS_TABLE)).eventsApplied).toBeGreaterThanOrEqual(recorder.appended);
  });

  it('commits a step without waiting for the WAL flush, and only that step', async () => {
    const client = await fixture.pool.connect();
    try {
      await client.query('BEGIN');
      const stored = await readCheckpoint(client, PRACTICE_VERSIONS_TABLE);
      const next = advanced(stored, { cursor: stored.cursor, stableHorizon: null, recordedThrough: null, eventsApplied: 0 });
      expect(await applyStep(fixture.pool, PRACTICE_VERSIONS_TABLE, stored, next, { closes: [], inserts: [] }, client)).toBe(true);
      expect((await client.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('off');
      await client.query('ROLLBACK');
      expect((await client.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('on');
    } finally {
      client.release();
    }
  });

  it('wakes reads waiting in a process that does not project as soon as another process commits a step', async () => {
    // Nothing in this process signals `signals`: only the step's NOTIFY, delivered on commit, can end the wait early.
    const signals = new ProjectionSignals(fixture.pool);
    await signals.listenToOtherProcesses();
    try {
      await record({ type: 'RecordListSize', odsCode: ODS, registeredPatients: 8300, effectiveDate: '2017-03-01' });
      const woken = signals.next(30_000).then((committed) => ({ woken: true, committed }));
      const notWoken = new Promise((resolve) => setTimeout(resolve, 15_000, { woken: false }).unref());
      await projectThrough(projector, fixture.pool, recorder.appended);
      expect(await Promise.race([woken, notWoken])).toEqual({ woken: true, committed: null });
    } finally {
      await signals.onApplicationShutdown();
    }
  });

  it('refuses to write into a table that is not a practice-versions table', async () => {
    const empty = JSON.stringify({ transaction_id: null });
    await expect(
      fixture.pool.query(`SELECT landscape.apply_projection_step('projection_checkpoints', 1, $1, $1, '{}', '{}', '{}', '[]')`, [empty]),
    ).rejects.toThrow(/not a practice-versions table/);
  });
});
