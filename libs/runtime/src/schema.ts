import { accessMigrations } from '#access';
import { eventStoreMigrations } from '#event-store';
import { landscapeMigrations } from '#landscape';
import { proofMigrations } from '#proof';

/** Every bounded context's migrations, applied in timestamp order into one history table. */
export const allMigrations = [...eventStoreMigrations, ...landscapeMigrations, ...accessMigrations, ...proofMigrations];
export const MIGRATIONS_TABLE = 'schema_migrations';
