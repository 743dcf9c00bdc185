import { EventStoreInit1763856000000 } from './1763856000000-event-store-init.js';
import { AppendFunction1763856600000 } from './1763856600000-append-function.js';
import { AppendNotifiesAfterCommit1763856900000 } from './1763856900000-append-notifies-after-commit.js';
import { IdempotencyPerPrincipal1764900000000 } from './1764900000000-idempotency-per-principal.js';

/** TypeORM migrations of the event store, oldest first; compose them with other libraries' migrations. */
export const eventStoreMigrations = [
  EventStoreInit1763856000000,
  AppendFunction1763856600000,
  AppendNotifiesAfterCommit1763856900000,
  IdempotencyPerPrincipal1764900000000,
];
