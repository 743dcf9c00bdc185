import { randomUUID } from 'node:crypto';
import { rebuildProjections } from '#landscape';
import { eventually } from '../../../test/support/eventually.js';
import { readLeaves } from '../src/log-store/tree-rows.js';
import { verifyLog, type VerifyLogReport } from '../src/verify/verify-log.js';
import { openProofFixture, type ProofFixture } from './support/proof-fixture.js';
import { asOwnerBehindTriggers, deleteEvents, eventRows, insertEventRows } from './support/tamper.js';

describe('verify-log against tampering by the database owner (PostgreSQL server)', () => {
  let f: ProofFixture;
  let leafEvents: string[];

  const verify = () => verifyLog(f.runtime.eventStore, f.runtime.database.pool, { publicKeys: [f.key.publicKey], batchSize: 64 });
  /**
   * The tampering is found, names the event, and a rebuild of the projections does not hide it (whether the rebuild
   * completes or refuses the damaged log, e.g. a stream with a gap).
   */
  const expectFound = async (kind: string, eventId: string) => {
    const expectNamed = (report: VerifyLogReport) => {
      expect(report.ok).toBe(false);
      expect(report.firstEvent).toMatchObject({ kind, eventId });
    };
    // A row written by a new transaction joins the readable log once every older transaction on the server has ended.
    expectNamed(await eventually(verify, (report) => !report.ok));
    await rebuildProjections(f.runtime.eventStore, f.runtime.database.pool).catch(() => undefined);
    expectNamed(await verify());
  };

  beforeAll(async () => {
    f = await openProofFixture();
    await f.appendPractices(20, 6);
    await f.signAll();
    await f.appendPractices(15, 5);
    await f.signAll();
    leafEvents = (await readLeaves(f.runtime.database.pool, 0, f.appended)).map((leaf) => leaf.eventId);
  }, 240_000);
  afterAll(async () => {
    await f?.close();
  });

  it('passes on the untouched log: every head verified against the file key, roots recomputed from the events', async () => {
    const report = await verify();
    expect(report).toMatchObject({ ok: true, events: f.appended, signedTreeSize: f.appended, problems: [] });
    expect(report.heads).toBeGreaterThanOrEqual(2);
  });

  it('finds an event altered behind disabled triggers, and passes again once it is restored', async () => {
    const target = leafEvents[37];
    const [original] = await eventRows(f.runtime.database.pool, [target]);
    await asOwnerBehindTriggers(f.runtime.database.pool, (db) =>
      db
        .query(`UPDATE event_store.events SET data = jsonb_set(data, '{registeredPatients}', '999999') WHERE event_id = $1`, [target])
        .then(() => undefined),
    );
    await expectFound('altered', target);
    await asOwnerBehindTriggers(f.runtime.database.pool, (db) =>
      db.query(`UPDATE event_store.events SET data = $2::jsonb WHERE event_id = $1`, [target, original.data]).then(() => undefined),
    );
    expect((await eventually(verify, (report) => report.ok)).ok).toBe(true);
  });

  it('finds an event deleted, and passes again once it is put back', async () => {
    // The last event of a practice's stream, so the rebuild finds no gap and completes.
    const target = leafEvents[89];
    const rows = await eventRows(f.runtime.database.pool, [target]);
    await asOwnerBehindTriggers(f.runtime.database.pool, (db) => deleteEvents(db, [target]));
    await expectFound('removed', target);
    await asOwnerBehindTriggers(f.runtime.database.pool, (db) => insertEventRows(db, rows));
    expect((await eventually(verify, (report) => report.ok)).ok).toBe(true);
  });

  it('finds two events swapped in the log order, and passes again once they are restored', async () => {
    const [first, second] = [leafEvents[12], leafEvents[130]];
    const rows = await eventRows(f.runtime.database.pool, [first, second]);
    const swapped = [
      { ...rows[0], position: rows[1].position, transaction_id: rows[1].transaction_id },
      { ...rows[1], position: rows[0].position, transaction_id: rows[0].transaction_id },
    ];
    await asOwnerBehindTriggers(f.runtime.database.pool, async (db) => {
      await deleteEvents(db, [first, second]);
      await insertEventRows(db, swapped);
    });
    // Leaf 12 now holds the second event.
    await expectFound('reordered', second);
    await asOwnerBehindTriggers(f.runtime.database.pool, async (db) => {
      await deleteEvents(db, [first, second]);
      await insertEventRows(db, rows);
    });
    expect((await eventually(verify, (report) => report.ok)).ok).toBe(true);
  });

  it('finds an event inserted with a back-dated recordedAt, and passes again once it is gone', async () => {
    const [model] = await eventRows(f.runtime.database.pool, [leafEvents[50]]);
    const forged = randomUUID();
    await f.runtime.database.pool.query(
      `INSERT INTO event_store.events (stream_id, stream_version, event_id, type, data, metadata, effective_date, recorded_at)
       VALUES ('practice-Z99999', 1, $1, 'PracticeOpened', '{"odsCode":"Z99999","name":"Backdated"}', $2::jsonb, '2009-01-01', $3::timestamptz)`,
      [forged, model.metadata, model.recorded_at],
    );
    await expectFound('backdated', forged);
    await asOwnerBehindTriggers(f.runtime.database.pool, (db) => deleteEvents(db, [forged]));
    expect((await eventually(verify, (report) => report.ok)).ok).toBe(true);
  });

  it('finds an event inserted into the middle of the signed log', async () => {
    const [model] = await eventRows(f.runtime.database.pool, [leafEvents[20]]);
    const forged = randomUUID();
    await asOwnerBehindTriggers(f.runtime.database.pool, (db) =>
      insertEventRows(db, [
        { ...model, event_id: forged, stream_id: 'practice-Z99998', stream_version: 1, position: String(BigInt(model.position) * 1000n) },
      ]),
    );
    await expectFound('inserted', forged);
    await asOwnerBehindTriggers(f.runtime.database.pool, (db) => deleteEvents(db, [forged]));
    expect((await eventually(verify, (report) => report.ok)).ok).toBe(true);
  });

  it('refuses heads when given a key that did not sign them', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const report = await verifyLog(f.runtime.eventStore, f.runtime.database.pool, { publicKeys: [generateKeyPairSync('ed25519').publicKey] });
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ kind: 'signature' });
  });
});
