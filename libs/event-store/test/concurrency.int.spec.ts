import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from '../src/errors.js';
import type { LogCursor, RecordedEvent, StreamAppend } from '../src/event-store.port.js';
import type { PostgresEventStore } from '../src/postgres/postgres-event-store.js';
import {
  cursorAfterEverything,
  eventually,
  newEvent,
  openServerFixture,
  streamAppend,
  type EventStoreFixture,
} from './support/event-store-fixture.js';

const WRITERS = 8;
const APPENDS_PER_WRITER = 200;
const STREAMS_PER_WRITER = 12;

describe('PostgresEventStore under concurrency (PostgreSQL server)', () => {
  let fixture: EventStoreFixture;

  beforeAll(async () => {
    fixture = await openServerFixture(24);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('lets exactly one of two racing appends at the same expected version win, round after round', async () => {
    for (let round = 0; round < 50; round++) {
      const streamId = `race-${round}-${randomUUID()}`;
      const expected = round % 2 === 0 ? 0 : 1;
      if (expected === 1) await fixture.store.append([streamAppend(streamId, 0)]);

      const outcomes = await Promise.allSettled([
        fixture.store.append([streamAppend(streamId, expected)]),
        fixture.store.append([streamAppend(streamId, expected)]),
      ]);

      const winners = outcomes.filter((o) => o.status === 'fulfilled');
      const losers = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0]).toBeInstanceOf(WrongExpectedVersionError);
      expect(losers[0]).toMatchObject({ expectedVersion: expected, actualVersion: expected + 1 });
      expect((await fixture.store.readStream(streamId)).version).toBe(expected + 1);
    }
  });

  it('gives a reader following the log every event exactly once while writers commit out of order', async () => {
    const start = await cursorAfterEverything(fixture);
    const started = Date.now();
    const appended: RecordedEvent[] = [];
    let writing = true;
    const writers = Array.from({ length: WRITERS }, (_, w) => runWriter(fixture, w, appended));
    const reading = followLog(
      fixture.store,
      start,
      () => writing,
      () => appended.length,
    );
    await Promise.all(writers).finally(() => {
      writing = false;
    });
    const { seen, horizons, unknownHorizons } = await reading;
    const elapsedMs = Date.now() - started;

    const seenIds = seen.map((e) => e.eventId);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect(new Set(seenIds)).toEqual(new Set(appended.map((e) => e.eventId)));
    expect(seen).toHaveLength(appended.length);
    expectStableHorizonsHonoured(seen, horizons);
    process.stdout.write(
      `event store concurrency: ${WRITERS} writers, ${APPENDS_PER_WRITER * WRITERS} appends, ${appended.length} events ` +
        `read exactly once by a follower in ${elapsedMs} ms; ${lateCommits(seen)} events read after a higher position ` +
        `(late commits); ${horizons.length} stable horizons checked, ${unknownHorizons} unknown\n`,
    );
  });

  it('keeps a late-committing append after the horizon and reads it before later transactions', async () => {
    const slowStream = `slow-${randomUUID()}`;
    await fixture.store.append([streamAppend(slowStream, 0)]);
    const before = await cursorAfterEverything(fixture);

    const release = await lockStream(fixture, slowStream);
    const slow = fixture.store.append([streamAppend(slowStream, 1)], { idempotencyKey: randomUUID() });
    await waitUntilBlocked(fixture, slowStream);
    const fast = await fixture.store.append([streamAppend(`fast-${randomUUID()}`, 0)]);
    const fastEvent = fast.streams[0].events[0];

    const whileSlowOpen = await fixture.store.readAll(before, 1000);
    const horizonWhileOpen = await fixture.store.stableHorizon();
    await release();
    const slowEvent = (await slow).streams[0].events[0];
    const afterCommit = await eventually(
      () => fixture.store.readAll(before, 1000),
      (page) => page.events.length >= 2 && Date.parse(page.stableHorizon ?? '0') >= Date.parse(slowEvent.recordedAt),
    );

    expect(whileSlowOpen.events).toEqual([]);
    expect(whileSlowOpen.stableHorizon).not.toBeNull();
    expect(Date.parse(whileSlowOpen.stableHorizon!)).toBeLessThan(Date.parse(fastEvent.recordedAt));
    expect(horizonWhileOpen).not.toBeNull();
    expect(Date.parse(horizonWhileOpen!)).toBeLessThan(Date.parse(fastEvent.recordedAt));
    expect(BigInt(slowEvent.transactionId)).toBeLessThan(BigInt(fastEvent.transactionId));
    expect(afterCommit.events.map((e) => e.eventId)).toEqual([slowEvent.eventId, fastEvent.eventId]);
    expect(Date.parse(afterCommit.stableHorizon!)).toBeGreaterThanOrEqual(Date.parse(slowEvent.recordedAt));
  });

  it('keeps the horizon before an event written by the only transaction in flight', async () => {
    const client = await fixture.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_current_xact_id()');
      const { rows } = await client.query<{ recorded_at: Date }>(
        `INSERT INTO event_store.events (stream_id, stream_version, event_id, type, data, metadata, effective_date, recorded_at)
         VALUES ($1, 1, $2, 'TestEventHappened', '{}', '{}', '2024-01-01', date_trunc('milliseconds', clock_timestamp()))
         RETURNING recorded_at`,
        [`open-${randomUUID()}`, randomUUID()],
      );
      const page = await fixture.store.readAll(null, 1_000_000);

      expect(page.events.some((e) => e.streamId.startsWith('open-'))).toBe(false);
      expect(page.stableHorizon).not.toBeNull();
      expect(Date.parse(page.stableHorizon!)).toBeLessThan(rows[0].recorded_at.getTime());
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});

/** Appends to its own streams: some multi-event, some two streams at once, some held open behind a row lock. */
async function runWriter(fixture: EventStoreFixture, writer: number, appended: RecordedEvent[]): Promise<void> {
  const versions = new Map<string, number>();
  const streamIds = Array.from({ length: STREAMS_PER_WRITER }, (_, i) => `w${writer}-s${i}-${randomUUID()}`);
  for (let i = 0; i < APPENDS_PER_WRITER; i++) {
    const picked = i % 10 === 3 ? [streamIds[i % STREAMS_PER_WRITER], streamIds[(i + 1) % STREAMS_PER_WRITER]] : [streamIds[i % STREAMS_PER_WRITER]];
    const appends: StreamAppend[] = picked.map((streamId) => ({
      streamId,
      expectedVersion: versions.get(streamId) ?? 0,
      events: Array.from({ length: 1 + ((i + writer) % 3) }, () => newEvent()),
    }));
    const slow = i % 25 === 20;
    const release = slow ? await lockStream(fixture, picked[0]) : null;
    const appending = fixture.store.append(appends, slow ? { idempotencyKey: randomUUID() } : {});
    if (release) {
      await waitUntilBlocked(fixture, picked[0]);
      await fixture.pool.query('SELECT pg_sleep(0.05)');
      await release();
    }
    const result = await appending;
    for (const stream of result.streams) {
      versions.set(stream.streamId, stream.streamVersion);
      appended.push(...stream.events);
    }
  }
}

interface HorizonCheckpoint {
  readonly horizon: string;
  /** How many events the reader had seen when the horizon was stated. */
  readonly seenCount: number;
}

/** Follows the log until the writers have stopped and everything they appended has been read (or 60 s have passed). */
async function followLog(store: PostgresEventStore, start: LogCursor | null, writing: () => boolean, appendedCount: () => number) {
  const deadline = { at: Number.POSITIVE_INFINITY };
  const seen: RecordedEvent[] = [];
  const horizons: HorizonCheckpoint[] = [];
  let unknownHorizons = 0;
  let cursor = start;
  for (;;) {
    const stillWriting = writing();
    const page = await store.readAll(cursor, 250);
    seen.push(...page.events);
    cursor = page.cursor;
    if (page.hasMore) continue;
    if (page.stableHorizon === null) unknownHorizons++;
    else horizons.push({ horizon: page.stableHorizon, seenCount: seen.length });
    if (!stillWriting) {
      deadline.at = Math.min(deadline.at, Date.now() + 60_000);
      if (seen.length >= appendedCount() || Date.now() > deadline.at) return { seen, horizons, unknownHorizons };
    }
    if (page.events.length === 0) await store.waitForAppend(20);
  }
}

function lateCommits(seen: readonly RecordedEvent[]): number {
  let highest = 0n;
  let late = 0;
  for (const event of seen) {
    if (BigInt(event.position) < highest) late++;
    else highest = BigInt(event.position);
  }
  return late;
}

/** Every event recorded at or before a stated horizon had already been seen when the horizon was stated. */
function expectStableHorizonsHonoured(seen: readonly RecordedEvent[], checkpoints: readonly HorizonCheckpoint[]): void {
  const seenIndex = new Map(seen.map((e, i) => [e.eventId, i]));
  const byRecordedAt = [...seen].sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
  const violations: string[] = [];
  for (const { horizon, seenCount } of checkpoints) {
    for (const event of byRecordedAt) {
      if (Date.parse(event.recordedAt) > Date.parse(horizon)) break;
      if (seenIndex.get(event.eventId)! >= seenCount) violations.push(`${event.eventId} at ${event.recordedAt} ≤ ${horizon}`);
    }
  }
  expect(violations).toEqual([]);
}

/** Holds the stream's row lock in another transaction, so an append to it waits (its transaction open) until released. */
async function lockStream(fixture: EventStoreFixture, streamId: string): Promise<() => Promise<void>> {
  const client = await fixture.pool.connect();
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM event_store.streams WHERE stream_id = $1 FOR UPDATE', [streamId]);
  return async () => {
    await client.query('COMMIT');
    client.release();
  };
}

/** Waits until some session is blocked on a lock while already holding a transaction id (the slow append). */
async function waitUntilBlocked(fixture: EventStoreFixture, streamId: string): Promise<void> {
  for (;;) {
    const { rows } = await fixture.pool.query(
      `SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND backend_xid IS NOT NULL
          AND query LIKE '%event_store.append_events%'`,
    );
    if (rows.length > 0) return;
    await fixture.pool.query('SELECT pg_sleep(0.005)');
    void streamId;
  }
}
