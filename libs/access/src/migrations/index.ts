import { AccessApiKeys1764800000000 } from './1764800000000-access-api-keys.js';

/** TypeORM migrations of the access context, oldest first. */
export const accessMigrations = [AccessApiKeys1764800000000];
