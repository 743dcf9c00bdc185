import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { APPENDED_CHANNEL } from '../src/postgres/append-transaction.js';
import { APPEND_EVENTS_SQL } from '../src/postgres/append.sql.js';
import { eventually, openServerFixture, streamAppend, type EventStoreFixture } from './support/event-store-fixture.js';

/** A bare append_events call for one new stream of one event, notifying `channel` (null: none). */
function appendDirectly(pool: pg.Pool, channel: string | null) {
  const streamId = `s-${randomUUID()}`;
  return pool.query(APPEND_EVENTS_SQL, [
    [streamId],
    [0],
    [1],
    channel,
    [streamId],
    [1],
    [randomUUID()],
    ['TestEventHappened'],
    [1],
    ['{}'],
    ['{}'],
    ['2024-04-01'],
  ]);
}

describe('announcing appends on a PostgreSQL server', () => {
  let fixture: EventStoreFixture;
  let listener: pg.Client;
  let heard: number;
  const markersHeard = new Set<string>();

  beforeAll(async () => {
    fixture = await openServerFixture();
    listener = new pg.Client({ connectionString: fixture.url });
    await listener.connect();
    listener.on('notification', (message) => {
      if (message.channel !== APPENDED_CHANNEL) return;
      if (message.payload) markersHeard.add(message.payload);
      else heard++;
    });
    await listener.query(`LISTEN ${APPENDED_CHANNEL}`);
  });
  afterAll(async () => {
    await listener?.end();
    await fixture?.close();
  });
  beforeEach(() => {
    heard = 0;
  });

  const heardSomething = () =>
    eventually(
      async () => heard,
      (count) => count > 0,
    );
  /**
   * How many announcements were heard of everything committed so far: a marker NOTIFY (with a payload of its own) is
   * sent after them, and notifications arrive in commit order, so once the marker is heard every earlier one has been.
   */
  const heardUpToNow = async () => {
    const marker = randomUUID();
    await fixture.pool.query(`SELECT pg_notify($1, $2)`, [APPENDED_CHANNEL, marker]);
    await eventually(async () => markersHeard.has(marker), Boolean);
    return heard;
  };

  it('notifies nobody from inside an append without a channel (no server-wide lock held through its commit)', async () => {
    await appendDirectly(fixture.pool, null);
    await appendDirectly(fixture.pool, APPENDED_CHANNEL);
    expect(await heardUpToNow()).toBe(1);
  });

  it('still notifies when a channel is passed, for a process that passes one', async () => {
    await appendDirectly(fixture.pool, APPENDED_CHANNEL);
    expect(await heardUpToNow()).toBe(1);
  });

  it('announces every append through the store after its commit, coalescing those that come together', async () => {
    const store = await fixture.openStore();
    await Promise.all(Array.from({ length: 40 }, () => store.append([streamAppend(`s-${randomUUID()}`, 0)])));
    expect(await heardSomething()).toBeGreaterThan(0);
    // Closing waits for the announcement in flight; everything the store announced is then before the marker.
    await store.close();
    // Coalesced: at most one announcement in flight and one asked for after it, however many appends came together.
    expect(await heardUpToNow()).toBeLessThan(40);

    heard = 0;
    const alone = await fixture.openStore();
    await alone.append([streamAppend(`s-${randomUUID()}`, 0)]);
    await heardSomething();
    await alone.close();
    expect(await heardUpToNow()).toBe(1);
  });
});
