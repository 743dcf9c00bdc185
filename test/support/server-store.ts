import pg from 'pg';
import { DataSource } from 'typeorm';
import { eventStoreMigrations, PostgresEventStore } from '#event-store';
import { createServerDatabase } from './server-database.js';

export interface ServerStore {
  readonly store: PostgresEventStore;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

/** A fresh database on the PostgreSQL server with the event store's schema. */
export async function openServerStore(): Promise<ServerStore> {
  const database = await createServerDatabase();
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    migrations: eventStoreMigrations,
    migrationsTableName: 'schema_migrations',
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const store = new PostgresEventStore(pool);
  return {
    store,
    pool,
    async close() {
      await store.close();
      await pool.end();
      await database.drop();
    },
  };
}
