import { randomUUID } from 'node:crypto';
import { eventually } from '../../../test/support/eventually.js';
import { openServerFixture, streamAppend, type EventStoreFixture } from './support/event-store-fixture.js';

/** A per-stream knownAt must be repeatable: nothing recorded at or before it may join the stream later. */
describe('reading one stream once it has settled (PostgreSQL server)', () => {
  let fixture: EventStoreFixture;

  beforeAll(async () => {
    fixture = await openServerFixture();
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('returns every committed event and an instant before any later append is recorded', async () => {
    const streamId = `s-${randomUUID()}`;
    const first = await fixture.store.append([streamAppend(streamId, 0, 2)]);

    const settled = await fixture.store.readStreamSettled(streamId);
    const next = await fixture.store.append([streamAppend(streamId, 2)]);

    expect(settled.stream.events.map((e) => e.eventId)).toEqual(first.streams[0].events.map((e) => e.eventId));
    expect(settled.stream.version).toBe(2);
    expect(Date.parse(settled.completeThrough!)).toBeGreaterThanOrEqual(Date.parse(first.streams[0].events[0].recordedAt));
    expect(Date.parse(next.streams[0].events[0].recordedAt)).toBeGreaterThan(Date.parse(settled.completeThrough!));
  });

  it('waits for an append in flight on the stream, and is not held back by transactions on other streams', async () => {
    const streamId = `s-${randomUUID()}`;
    await fixture.store.append([streamAppend(streamId, 0)]);
    const elsewhere = await fixture.pool.connect();
    const writer = await fixture.pool.connect();
    try {
      // A long transaction on another stream holds the store-wide horizon back, but not this stream's settled instant.
      await elsewhere.query('BEGIN');
      await elsewhere.query('SELECT pg_current_xact_id()');
      // An append in flight on this stream holds its row lock.
      await writer.query('BEGIN');
      await writer.query('UPDATE event_store.streams SET version = version WHERE stream_id = $1', [streamId]);

      let done = false;
      const reading = fixture.store.readStreamSettled(streamId).finally(() => (done = true));
      // Blocked on the stream's row lock, as the server itself says, not merely slow.
      const waiting = () =>
        fixture.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
      expect((await eventually(waiting, ({ rows }) => rows[0].n > 0)).rows[0].n).toBeGreaterThan(0);
      expect(done).toBe(false);
      await writer.query('ROLLBACK');
      const settled = await reading;

      const horizon = await fixture.store.stableHorizon();
      expect(settled.stream.version).toBe(1);
      expect(horizon === null || Date.parse(settled.completeThrough!) > Date.parse(horizon)).toBe(true);
    } finally {
      await elsewhere.query('ROLLBACK');
      elsewhere.release();
      writer.release();
    }
  });

  it('says nothing is settled for a stream that does not exist', async () => {
    const settled = await fixture.store.readStreamSettled(`s-${randomUUID()}`);
    expect(settled).toEqual({ stream: expect.objectContaining({ version: 0, events: [] }), completeThrough: null });
  });
});
