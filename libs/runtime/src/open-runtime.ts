import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type pg from 'pg';
import { inTransaction, PostgresEventStore } from '#event-store';
import { survivesLostConnections, connectDatabase, databaseSettingsFromEnv, poolTimeoutConfig, BATCH_TIMEOUTS, type DatabaseConnection, type DatabaseSettings, type DatabaseTimeouts } from '#platform';
import { grantAppRole } from './app-role.js';
import { allEntities, allMigrations, MIGRATIONS_TABLE } from './schema.js';
import { mayMigrate, pendingMigrations, SchemaNotCurrentError } from './schema-currency.js';

/** What every deployable (api, projector, cli, bench) needs: the database, its schema, the event store. */
export interface Runtime {
  readonly database: DatabaseConnection;
  readonly dataSource: DataSource;
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
  let dataSource: DataSource | null = null;
  let migrationsApplied: string[];
  try {
    dataSource = new DataSource({
      type: 'postgres',
      url: database.url,
      entities: allEntities,
      migrations: allMigrations,
      migrationsTableName: MIGRATIONS_TABLE,
      migrationsTransactionMode: 'each',
      synchronize: false,
      extra: { max: database.embedded ? 2 : 10, ...poolTimeoutConfig(options.timeouts ?? BATCH_TIMEOUTS, database.embedded) },
    });
    await dataSource.initialize();
    survivesLostConnections((dataSource.driver as unknown as { master: pg.Pool }).master);
    migrationsApplied = await bringSchemaUpToDate(dataSource, database);
  } catch (error) {
    await dataSource?.destroy().catch(() => undefined);
    await database.close();
    throw error;
  }
  const eventStore = new PostgresEventStore(database.pool, { embedded: database.embedded });
  const source = dataSource;
  return {
    database,
    dataSource: source,
    eventStore,
    dataDir: settings.dataDir,
    migrationsApplied,
    async close() {
      await eventStore.close();
      // Nest's TypeOrmModule destroys the DataSource on app shutdown; the CLI and bench close it here.
      if (source.isInitialized) await source.destroy();
      await database.close();
    },
  };
}

/**
 * SPEC §8: the owner (the default on a fresh or embedded database) migrates as it always has, and refreshes the
 * register_app grants; a login without the right to migrate runs no DDL at all, and refuses to start on an old schema.
 */
async function bringSchemaUpToDate(dataSource: DataSource, database: DatabaseConnection): Promise<string[]> {
  const pending = await pendingMigrations(database.pool, allMigrations.map((migration) => new migration().name ?? migration.name));
  if (pending.length === 0) return [];
  if (!database.embedded && !(await mayMigrate(database.pool))) throw new SchemaNotCurrentError(pending);
  const applied = await dataSource.runMigrations();
  if (!database.embedded) {
    // New tables need the role's grants; an owner that may not manage roles still starts (migrate reports it).
    await inTransaction(database.pool, grantAppRole).catch((error: Error) =>
      new Logger('Runtime').warn(`could not grant register_app its privileges (${error.message}): run \`npm run cli -- migrate\` as an owner that may`),
    );
  }
  return applied.map((migration) => migration.name);
}
