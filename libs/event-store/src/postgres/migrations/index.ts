import { EventStoreInit1763856000000 } from './1763856000000-event-store-init.js';
import { AppendFunction1763856600000 } from './1763856600000-append-function.js';

/** TypeORM migrations of the event store, oldest first; compose them with other libraries' migrations. */
export const eventStoreMigrations = [EventStoreInit1763856000000, AppendFunction1763856600000];
