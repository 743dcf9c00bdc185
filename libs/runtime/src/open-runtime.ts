import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type pg from 'pg';
import { inTransaction, PostgresEventStore } from '#event-store';
import {
  survivesLostConnections,
  connectDatabase,
  databaseSettingsFromEnv,
  poolTimeoutConfig,
  BATCH_TIMEOUTS,
  type DatabaseConnection,
  type DatabaseSettings,
  type DatabaseTimeouts,
} from '#platform';
import { grantAppRole } from './app-role.js';
import { allMigrations, MIGRATIONS_TABLE } from './schema.js';
import { mayMigrate, pendingMigrations, SchemaNotCurrentError } from './schema-currency.js';

/** What every deployable (api, projector, cli, bench) needs: the database, its schema, the event store. */
export interface Runtime {
  readonly database: DatabaseConnection;
  readonly eventStore: PostgresEventStore;
  /** Where this process keeps its files (keys, secrets); 'memory' for a throw-away runtime. */
  readonly dataDir: string;
  /** Names of the migrations this opening applied (none when the schema was current). */
  readonly migrationsApplied: readonly string[];
  close(): Promise<void>;
}

export interface RuntimeOptions {
  readonly settings?: DatabaseSettings;
  readonly poolSize?: number;
  readonly applicationName?: string;
  /** Limits on waiting for the database; the API and projector pass REQUEST_TIMEOUTS (default: the CLI's). */
  readonly timeouts?: DatabaseTimeouts;
}

export async function openRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const settings = options.settings ?? databaseSettingsFromEnv();
  const database = await connectDatabase(settings, options);
  let migrationsApplied: string[];
  try {
    migrationsApplied = await bringSchemaUpToDate(database, options.timeouts);
  } catch (error) {
    await database.close();
    throw error;
  }
  const eventStore = new PostgresEventStore(database.pool, { embedded: database.embedded });
  return {
    database,
    eventStore,
    dataDir: settings.dataDir,
    migrationsApplied,
    async close() {
      await eventStore.close();
      await database.close();
    },
  };
}

/**
 * SPEC §8: the owner (the default on a fresh or embedded database) migrates as it always has, and refreshes the
 * register_app grants; a login without the right to migrate runs no DDL at all, and refuses to start on an old schema.
 */
async function bringSchemaUpToDate(database: DatabaseConnection, timeouts: DatabaseTimeouts | undefined): Promise<string[]> {
  const pending = await pendingMigrations(
    database.pool,
    allMigrations.map((migration) => new migration().name ?? migration.name),
  );
  if (pending.length === 0) return [];
  if (!database.embedded && !(await mayMigrate(database.pool))) throw new SchemaNotCurrentError(pending);
  const applied = await runMigrations(database, timeouts);
  if (!database.embedded) {
    // New tables need the role's grants; an owner that may not manage roles still starts (migrate reports it).
    await inTransaction(database.pool, grantAppRole).catch((error: Error) =>
      new Logger('Runtime').warn(
        `could not grant register_app its privileges (${error.message}): run \`npm run cli -- migrate\` as an owner that may`,
      ),
    );
  }
  return applied.map((migration) => migration.name);
}

/** TypeORM runs the migrations on a DataSource of its own, closed as soon as they have run. */
async function runMigrations(database: DatabaseConnection, timeouts: DatabaseTimeouts | undefined): Promise<{ name: string }[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    migrations: allMigrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: 1, ...poolTimeoutConfig(timeouts ?? BATCH_TIMEOUTS, database.embedded) },
  });
  await dataSource.initialize();
  try {
    survivesLostConnections((dataSource.driver as unknown as { master: pg.Pool }).master);
    return await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
