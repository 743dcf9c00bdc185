import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '#platform';
import { IdempotencyKeyReusedError, WrongExpectedVersionError } from '../src/errors.js';
import { PostgresEventStore } from '../src/postgres/postgres-event-store.js';
import { migrate, streamAppend } from './support/event-store-fixture.js';

describe('PostgresEventStore on the embedded PGlite', () => {
  let embedded: EmbeddedPostgres;
  let pool: pg.Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres('memory');
    await migrate(embedded.url);
    pool = new pg.Pool({ connectionString: embedded.url, max: 4, idleTimeoutMillis: 0 });
    // PGlite is one session: open every connection now, never while another holds a transaction.
    const clients = await Promise.all(Array.from({ length: 4 }, () => pool.connect()));
    clients.forEach((client) => client.release());
    store = new PostgresEventStore(pool);
  });
  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await embedded?.close();
  });

  it('appends, reads streams and follows the log with a stable horizon', async () => {
    const streamId = `s-${randomUUID()}`;
    const result = await store.append([streamAppend(streamId, 0, 3)]);

    const stream = await store.readStream(streamId);
    const log = await store.readAll(null, 100);

    expect(stream.version).toBe(3);
    expect(stream.events).toEqual(result.streams[0].events);
    expect(log.events.map((e) => e.eventId)).toEqual(stream.events.map((e) => e.eventId));
    expect(log.stableHorizon).not.toBeNull();
    expect(Date.parse(log.stableHorizon!)).toBeGreaterThanOrEqual(Date.parse(stream.events[0].recordedAt));
    expect(await store.stableHorizon()).not.toBeNull();
  });

  it('lets one of two racing appends win and keeps a two-stream append atomic', async () => {
    const a = `s-${randomUUID()}`;
    const b = `s-${randomUUID()}`;
    const outcomes = await Promise.allSettled([store.append([streamAppend(a, 0)]), store.append([streamAppend(a, 0)])]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);

    await expect(store.append([streamAppend(b, 0), streamAppend(a, 0)])).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect((await store.readStream(b)).version).toBe(0);
  });

  it('replays an idempotent retry and refuses a reused key', async () => {
    const key = randomUUID();
    const append = [streamAppend(`s-${randomUUID()}`, 0)];
    const [first, second] = await Promise.all([
      store.append(append, { idempotencyKey: key, idempotencyFingerprint: 'a' }),
      store.append(append, { idempotencyKey: key, idempotencyFingerprint: 'a' }),
    ]);

    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    await expect(store.append(append, { idempotencyKey: key, idempotencyFingerprint: 'b' })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the events table', async () => {
    await expect(pool.query(`UPDATE event_store.events SET type = 'Tampered'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM event_store.events`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`TRUNCATE event_store.events`)).rejects.toThrow(/append-only/);
  });

  it('wakes a waiting reader after an append in this process', async () => {
    await store.listenForAppends();
    const woken = store.waitForAppend(10 * 60_000);
    await store.append([streamAppend(`s-${randomUUID()}`, 0)]);
    await expect(woken).resolves.toBeUndefined();
  });
});
