import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { eventually } from '../../../../test/support/eventually.js';
import { createServerDatabase } from '../../../../test/support/server-database.js';
import type { LogCursor, NewEvent, StreamAppend } from '../../src/event-store.port.js';
import { eventStoreMigrations } from '../../src/postgres/migrations/index.js';
import { PostgresEventStore, type PostgresEventStoreOptions } from '../../src/postgres/postgres-event-store.js';

export interface EventStoreFixture {
  readonly url: string;
  readonly pool: pg.Pool;
  readonly store: PostgresEventStore;
  /** Another store on its own pool, as another process would have. */
  openStore(options?: PostgresEventStoreOptions): Promise<PostgresEventStore>;
  close(): Promise<void>;
}

export async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: eventStoreMigrations,
    migrationsTableName: 'schema_migrations',
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}

/** A fresh database on the PostgreSQL server with the event store schema, and a store on a pool of `poolSize`. */
export async function openServerFixture(poolSize = 20, options: PostgresEventStoreOptions = {}): Promise<EventStoreFixture> {
  const database = await createServerDatabase();
  await migrate(database.url);
  const pools: pg.Pool[] = [];
  const stores: PostgresEventStore[] = [];
  const openStore = async (storeOptions: PostgresEventStoreOptions = {}) => {
    const pool = new pg.Pool({ connectionString: database.url, max: poolSize });
    pools.push(pool);
    const store = new PostgresEventStore(pool, storeOptions);
    stores.push(store);
    return store;
  };
  const store = await openStore(options);
  return {
    url: database.url,
    pool: pools[0],
    store,
    openStore,
    async close() {
      await Promise.all(stores.map((s) => s.close()));
      await Promise.all(pools.map((p) => p.end()));
      await database.drop();
    },
  };
}

export function newEvent(type = 'TestEventHappened', overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data: { note: 'something happened', n: Math.floor(Math.random() * 1000) },
    effectiveDate: '2024-04-01',
    metadata: { recordedBy: 'tester', correlationId: randomUUID(), causationId: null },
    ...overrides,
  };
}

export function streamAppend(streamId: string, expectedVersion: number, count = 1, type?: string): StreamAppend {
  return { streamId, expectedVersion, events: Array.from({ length: count }, () => newEvent(type)) };
}

export { eventually };

/**
 * The cursor after every event stored so far, once all of them are readable: a transaction elsewhere on the server
 * can keep a just-committed event out of the log readers' view for a moment.
 */
export async function cursorAfterEverything(fixture: EventStoreFixture): Promise<LogCursor | null> {
  const stored = (await fixture.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;
  const page = await eventually(
    () => fixture.store.readAll(null, 1_000_000),
    (read) => read.events.length >= stored,
  );
  return page.cursor;
}
