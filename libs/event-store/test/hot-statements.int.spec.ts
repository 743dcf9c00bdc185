import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from '../src/errors.js';
import { NO_STREAM } from '../src/event-store.port.js';
import { eventually, newEvent, openServerFixture, streamAppend, type EventStoreFixture } from './support/event-store-fixture.js';

describe('the write path on a PostgreSQL server', () => {
  let fixture: EventStoreFixture;

  beforeAll(async () => {
    // One connection: what it prepared is what every call below used.
    fixture = await openServerFixture(1);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('prepares the append and the log and stream reads once per connection, and runs them again by name', async () => {
    const streamId = `practice-${randomUUID()}`;
    await fixture.store.append([{ streamId, expectedVersion: NO_STREAM, events: [newEvent()] }]);
    await fixture.store.append([streamAppend(streamId, 1, 2)]);
    await fixture.store.readStreamAfter(streamId, 1);
    const second = await fixture.store.readStreamAfter(streamId, 1);
    // A transaction elsewhere on the server can keep the events out of the log readers' view for a moment.
    await fixture.store.readAll(null, 10);
    const page = await eventually(
      () => fixture.store.readAll(null, 10),
      (read) => read.events.length === 3,
    );

    await fixture.store.readAllWithoutMetadata(null, 10);
    await fixture.store.readAllWithoutMetadata(null, 10);

    expect(second.events.map((event) => event.streamVersion)).toEqual([2, 3]);
    expect(page.events.filter((event) => event.streamId === streamId)).toHaveLength(3);
    const { rows } = await fixture.pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name');
    expect(rows.map((row) => row.name)).toEqual([
      'event-store-append',
      'event-store-read-all',
      'event-store-read-all-without-metadata',
      'event-store-read-stream-after',
    ]);
  });

  it('still refuses an append at a stale version through the prepared statement', async () => {
    const streamId = `practice-${randomUUID()}`;
    await fixture.store.append([streamAppend(streamId, NO_STREAM)]);
    await expect(fixture.store.append([streamAppend(streamId, NO_STREAM)])).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect((await fixture.store.readStream(streamId)).version).toBe(1);
  });
});
