import { DataSource } from 'typeorm';
import { PostgresEventStore } from '#event-store';
import type pg from 'pg';
import { survivesLostConnections, connectDatabase, databaseSettingsFromEnv, poolTimeoutConfig, BATCH_TIMEOUTS, type DatabaseConnection, type DatabaseSettings, type DatabaseTimeouts } from '#platform';
import { allEntities, allMigrations, MIGRATIONS_TABLE } from './schema.js';

/** What every deployable (api, projector, cli, bench) needs: the database, its schema, the event store. */
export interface Runtime {
  readonly database: DatabaseConnection;
  readonly dataSource: DataSource;
  readonly eventStore: PostgresEventStore;
  /** Where this process keeps its files (keys, secrets); 'memory' for a throw-away runtime. */
  readonly dataDir: string;
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
    await dataSource.runMigrations();
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
    async close() {
      await eventStore.close();
      // Nest's TypeOrmModule destroys the DataSource on app shutdown; the CLI and bench close it here.
      if (source.isInitialized) await source.destroy();
      await database.close();
    },
  };
}
