import { randomUUID } from 'node:crypto';
import { decodeCursor } from '../src/cursor.js';
import { IdempotencyKeyReusedError, WrongExpectedVersionError } from '../src/errors.js';
import { NO_STREAM, type LogCursor, type ReadAllResult, type RecordedEvent } from '../src/event-store.port.js';
import { EventUpcasters } from '../src/upcasting/event-upcasters.js';
import {
  cursorAfterEverything,
  eventually,
  newEvent,
  openServerFixture,
  streamAppend,
  type EventStoreFixture,
} from './support/event-store-fixture.js';

describe('PostgresEventStore on a PostgreSQL server', () => {
  let fixture: EventStoreFixture;

  beforeAll(async () => {
    fixture = await openServerFixture();
  });
  afterAll(async () => {
    await fixture?.close();
  });

  async function readEverything(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let cursor = null;
    for (;;) {
      const page = await fixture.store.readAll(cursor, 100);
      events.push(...page.events);
      cursor = page.cursor;
      if (!page.hasMore) return events;
    }
  }

  it('appends to a new stream and reads it back with its metadata', async () => {
    const streamId = `practice-${randomUUID()}`;
    const event = newEvent('PracticeOpened', {
      schemaVersion: 1,
      effectiveDate: '2004-04-01',
      metadata: { recordedBy: 'alice', correlationId: 'corr-1', causationId: 'cause-1', importFile: 'epraccur.csv', row: 7 },
    });

    const result = await fixture.store.append([{ streamId, expectedVersion: NO_STREAM, events: [event] }]);
    const read = await fixture.store.readStream(streamId);

    expect(result.replayed).toBe(false);
    expect(result.streams[0].streamVersion).toBe(1);
    expect(read.version).toBe(1);
    expect(read.events).toEqual(result.streams[0].events);
    const [stored] = read.events;
    expect(stored).toMatchObject({
      eventId: event.eventId,
      type: 'PracticeOpened',
      data: event.data,
      schemaVersion: 1,
      streamVersion: 1,
      effectiveDate: '2004-04-01',
      metadata: { recordedBy: 'alice', correlationId: 'corr-1', causationId: 'cause-1', importFile: 'epraccur.csv', row: 7 },
    });
    expect(stored.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(decodeCursor(result.position)).toEqual({ transactionId: stored.transactionId, position: stored.position });
  });

  it('gives every event of one append the same recordedAt and transaction, and consecutive versions', async () => {
    const streamId = `s-${randomUUID()}`;
    const result = await fixture.store.append([streamAppend(streamId, 0, 3)]);
    const events = result.streams[0].events;

    expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(new Set(events.map((e) => e.recordedAt)).size).toBe(1);
    expect(new Set(events.map((e) => e.transactionId)).size).toBe(1);
    expect((await fixture.store.readStream(streamId)).events).toEqual(events);
  });

  it('refuses an append at the wrong expected version and names the actual version', async () => {
    const streamId = `s-${randomUUID()}`;
    await fixture.store.append([streamAppend(streamId, 0, 2)]);

    await expect(fixture.store.append([streamAppend(streamId, 1)])).rejects.toMatchObject({
      name: 'WrongExpectedVersionError',
      streamId,
      expectedVersion: 1,
      actualVersion: 2,
    });
    await expect(fixture.store.append([streamAppend(streamId, NO_STREAM)])).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(fixture.store.append([streamAppend(`s-${randomUUID()}`, 3)])).rejects.toMatchObject({ actualVersion: null });
  });

  it('appends to several streams atomically: one wrong version and nothing lands on either', async () => {
    const from = `s-${randomUUID()}`;
    const into = `s-${randomUUID()}`;
    await fixture.store.append([streamAppend(from, 0), streamAppend(into, 0)]);

    await expect(fixture.store.append([streamAppend(from, 1), streamAppend(into, 5)])).rejects.toMatchObject({
      streamId: into,
      actualVersion: 1,
    });
    const streams = await fixture.store.readStreams([from, into]);
    expect(streams.get(from)?.version).toBe(1);
    expect(streams.get(into)?.version).toBe(1);

    const merged = await fixture.store.append([streamAppend(from, 1, 1, 'PracticeMerged'), streamAppend(into, 1, 1, 'PracticeAbsorbed')]);
    expect(merged.streams.map((s) => s.streamVersion)).toEqual([2, 2]);
  });

  it('reads several streams in one call, including ones that do not exist', async () => {
    const a = `s-${randomUUID()}`;
    const missing = `s-${randomUUID()}`;
    await fixture.store.append([streamAppend(a, 0, 2)]);

    const streams = await fixture.store.readStreams([a, missing]);

    expect(streams.get(a)?.events).toHaveLength(2);
    expect(streams.get(missing)).toEqual({ streamId: missing, version: 0, events: [] });
  });

  it('appends a large batch of streams in one append', async () => {
    const appends = Array.from({ length: 2000 }, (_, i) => streamAppend(`batch-${i}-${randomUUID()}`, 0, 1 + (i % 3)));

    const result = await fixture.store.append(appends);

    expect(result.streams).toHaveLength(2000);
    const positions = result.streams.flatMap((s) => s.events.map((e) => BigInt(e.position)));
    expect(new Set(positions).size).toBe(positions.length);
    const sample = await fixture.store.readStream(appends[1999].streamId);
    expect(sample.events.map((e) => e.eventId)).toEqual(appends[1999].events.map((e) => e.eventId));
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the events table', async () => {
    await fixture.store.append([streamAppend(`s-${randomUUID()}`, 0)]);

    await expect(fixture.pool.query(`UPDATE event_store.events SET type = 'Tampered'`)).rejects.toThrow(/append-only/);
    await expect(fixture.pool.query(`DELETE FROM event_store.events`)).rejects.toThrow(/append-only/);
    await expect(fixture.pool.query(`TRUNCATE event_store.events`)).rejects.toThrow(/append-only/);
  });

  describe('idempotency', () => {
    it('appends once when retried with the same key', async () => {
      const streamId = `s-${randomUUID()}`;
      const append = [streamAppend(streamId, 0)];
      const options = { idempotencyKey: randomUUID(), idempotencyFingerprint: 'POST /practices body-hash-1' };

      const first = await fixture.store.append(append, options);
      const retry = await fixture.store.append(append, options);

      expect(first.replayed).toBe(false);
      expect(retry).toEqual({ ...first, replayed: true });
      expect((await fixture.store.readStream(streamId)).version).toBe(1);
      expect(await fixture.store.findIdempotentResult(options.idempotencyKey, options.idempotencyFingerprint)).toEqual(retry);
    });

    it('appends once when the same request arrives concurrently', async () => {
      const streamId = `s-${randomUUID()}`;
      const append = [streamAppend(streamId, 0)];
      const options = { idempotencyKey: randomUUID(), idempotencyFingerprint: 'fp' };

      const results = await Promise.all(Array.from({ length: 5 }, () => fixture.store.append(append, options)));

      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      const original = results.find((r) => !r.replayed);
      for (const r of results) expect(r.position).toBe(original?.position);
      expect((await fixture.store.readStream(streamId)).version).toBe(1);
    });

    it('refuses a key reused for a different request', async () => {
      const key = randomUUID();
      await fixture.store.append([streamAppend(`s-${randomUUID()}`, 0)], { idempotencyKey: key, idempotencyFingerprint: 'a' });

      await expect(
        fixture.store.append([streamAppend(`s-${randomUUID()}`, 0)], { idempotencyKey: key, idempotencyFingerprint: 'b' }),
      ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      await expect(fixture.store.findIdempotentResult(key, 'b')).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      expect(await fixture.store.findIdempotentResult(randomUUID(), 'a')).toBeNull();
    });

    it('lets a key be used again when its first append failed', async () => {
      const streamId = `s-${randomUUID()}`;
      const options = { idempotencyKey: randomUUID(), idempotencyFingerprint: 'fp' };
      await expect(fixture.store.append([streamAppend(streamId, 4)], options)).rejects.toBeInstanceOf(WrongExpectedVersionError);

      const result = await fixture.store.append([streamAppend(streamId, 0)], options);

      expect(result.replayed).toBe(false);
    });
  });

  it('reads the whole log in pages, each event once, in (transaction, position) order', async () => {
    await fixture.store.append([streamAppend(`s-${randomUUID()}`, 0, 5)]);
    // A transaction elsewhere on a shared server can hold earlier appends out of the readable log for a moment.
    await cursorAfterEverything(fixture);
    const all = await readEverything();

    const keys = all.map((e) => `${e.transactionId}.${e.position}`);
    expect(new Set(keys).size).toBe(all.length);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]];
      const ordered =
        BigInt(a.transactionId) < BigInt(b.transactionId) || (a.transactionId === b.transactionId && BigInt(a.position) < BigInt(b.position));
      expect(ordered).toBe(true);
    }
    const last = await fixture.store.readAll({ transactionId: all.at(-1)!.transactionId, position: all.at(-1)!.position }, 10);
    expect(last.events).toEqual([]);
    expect(last.hasMore).toBe(false);
    expect(last.cursor).toEqual({ transactionId: all.at(-1)!.transactionId, position: all.at(-1)!.position });
  });

  it('reads the same pages without metadata: the same events, cursors and ends, with only their metadata left out', async () => {
    await fixture.store.append([streamAppend(`s-${randomUUID()}`, 0, 12)]);
    await cursorAfterEverything(fixture);
    let cursor: LogCursor | null = null;
    for (;;) {
      const whole: ReadAllResult = await fixture.store.readAll(cursor, 7);
      const lean = await fixture.store.readAllWithoutMetadata(cursor, 7);
      expect(lean.events).toEqual(whole.events.map(({ metadata: _metadata, ...rest }) => rest));
      expect(lean.events.every((event) => !('metadata' in event))).toBe(true);
      expect([lean.cursor, lean.hasMore]).toEqual([whole.cursor, whole.hasMore]);
      cursor = whole.cursor;
      if (!whole.hasMore) return;
    }
  });

  it('states a stable horizon at or after every event it returned once nothing older is in flight', async () => {
    const result = await fixture.store.append([streamAppend(`s-${randomUUID()}`, 0)]);
    const recordedAt = Date.parse(result.streams[0].events[0].recordedAt);
    const page = await eventually(
      () => fixture.store.readAll(null, 1_000_000),
      (p) => Date.parse(p.stableHorizon ?? '0') >= recordedAt,
    );
    const horizon = await fixture.store.stableHorizon();

    expect(page.stableHorizon).not.toBeNull();
    expect(horizon).not.toBeNull();
    expect(Date.parse(page.stableHorizon!)).toBeGreaterThanOrEqual(Date.parse(result.streams[0].events[0].recordedAt));
  });

  it('counts the backlog after a cursor without reading the events', async () => {
    const cursor = await cursorAfterEverything(fixture);
    const appended = await fixture.store.append([streamAppend(`s-${randomUUID()}`, 0, 3)]);

    const all = await eventually(
      () => fixture.store.backlog(cursor, 10),
      (b) => b.events >= 3,
    );
    expect(all).toEqual({ events: 3, atLeast: false, oldestRecordedAt: appended.streams[0].events[0].recordedAt });
    expect(await fixture.store.backlog(cursor, 2)).toEqual(expect.objectContaining({ events: 2, atLeast: true }));
    const end = (await fixture.store.readAll(cursor, 10)).cursor;
    expect(await fixture.store.backlog(end, 10)).toEqual({ events: 0, atLeast: false, oldestRecordedAt: null });
  });

  it('upcasts stored events of an older schema version on every read', async () => {
    const upcasters = new EventUpcasters().register('ListSizeRecorded', 1, (data) => {
      const { patients } = data as { patients: number };
      return { registeredPatients: patients };
    });
    const upcastingStore = await fixture.openStore({ upcasters });
    const streamId = `s-${randomUUID()}`;
    await fixture.store.append([
      { streamId, expectedVersion: 0, events: [newEvent('ListSizeRecorded', { data: { patients: 5120 }, schemaVersion: 1 })] },
    ]);

    const fromStream = (await upcastingStore.readStream(streamId)).events[0];
    const fromStreams = (await upcastingStore.readStreams([streamId])).get(streamId)!.events[0];
    const log = await eventually(
      () => upcastingStore.readAll(null, 1_000_000),
      (page) => page.events.some((e) => e.streamId === streamId),
    );
    const fromLog = log.events.find((e) => e.streamId === streamId)!;

    for (const event of [fromStream, fromStreams, fromLog]) {
      expect(event).toMatchObject({ type: 'ListSizeRecorded', schemaVersion: 2, data: { registeredPatients: 5120 } });
    }
  });

  it('wakes a waiting reader in another process through NOTIFY', async () => {
    const otherProcess = await fixture.openStore();
    await otherProcess.listenForAppends();
    // Far longer than the test timeout: the wait can only end in time because of the notification.
    const woken = otherProcess.waitForAppend(10 * 60_000);

    await fixture.store.append([streamAppend(`s-${randomUUID()}`, 0)]);

    await expect(woken).resolves.toBeUndefined();
  });

  it('wakes a waiting reader in this process, and stops waiting when aborted', async () => {
    const woken = fixture.store.waitForAppend(10 * 60_000);
    await fixture.store.append([streamAppend(`s-${randomUUID()}`, 0)]);
    await expect(woken).resolves.toBeUndefined();

    const abort = new AbortController();
    const aborted = fixture.store.waitForAppend(10 * 60_000, abort.signal);
    abort.abort();
    await expect(aborted).resolves.toBeUndefined();
  });
});
