export * from './database/embedded-postgres.js';
export * from './database/tokens.js';
export * from './database/database-settings.js';
export * from './database/database-connection.js';
export * from './database/prepared-statements.js';
export { DataDirInUseError, LOCK_FILE } from './database/data-dir-lock.js';
export * from './database/database-timeouts.js';
export * from './database/database-failure.js';
export * from './cursor-signing.js';
