import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { APPENDED_CHANNEL } from '../src/postgres/append-transaction.js';
import { APPEND_EVENTS_SQL } from '../src/postgres/append.sql.js';
import { openServerFixture, streamAppend, type EventStoreFixture } from './support/event-store-fixture.js';

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

  beforeAll(async () => {
    fixture = await openServerFixture();
    listener = new pg.Client({ connectionString: fixture.url });
    await listener.connect();
    listener.on('notification', (message) => {
      if (message.channel === APPENDED_CHANNEL) heard++;
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

  const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const heardSomething = async () => {
    for (let waited = 0; heard === 0 && waited < 10_000; waited += 10) await quietFor(10);
    return heard;
  };

  it('notifies nobody from inside an append without a channel (no server-wide lock held through its commit)', async () => {
    await appendDirectly(fixture.pool, null);
    // Notifications arrive in commit order: once the later append's is heard, the earlier one's would have been too.
    await appendDirectly(fixture.pool, APPENDED_CHANNEL);
    expect(await heardSomething()).toBe(1);
  });

  it('still notifies when a channel is passed, for a process that passes one', async () => {
    await appendDirectly(fixture.pool, APPENDED_CHANNEL);
    expect(await heardSomething()).toBeGreaterThan(0);
  });

  it('announces every append through the store after its commit, coalescing those that come together', async () => {
    const appends = Array.from({ length: 40 }, () => fixture.store.append([streamAppend(`s-${randomUUID()}`, 0)]));
    await Promise.all(appends);
    expect(await heardSomething()).toBeGreaterThan(0);
    // Coalesced: at most one announcement in flight and one asked for after it, however many appends came together.
    await quietFor(300);
    expect(heard).toBeLessThan(40);
    heard = 0;
    await fixture.store.append([streamAppend(`s-${randomUUID()}`, 0)]);
    expect(await heardSomething()).toBe(1);
  });
});
