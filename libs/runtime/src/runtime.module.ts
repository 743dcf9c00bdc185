import { Global, Module, type DynamicModule } from '@nestjs/common';
import { EventStore } from '#event-store';
import { CursorSigner, loadCursorSigner, PG_POOL, READ_POOL } from '#platform';
import type { Runtime } from './open-runtime.js';

/** Makes the opened runtime injectable: the event store port, the raw pools (primary, reads) and the cursor signer. */
@Global()
@Module({})
export class RuntimeModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: EventStore, useValue: runtime.eventStore },
        { provide: PG_POOL, useValue: runtime.database.pool },
        { provide: READ_POOL, useValue: runtime.database.readPool },
        { provide: CursorSigner, useFactory: () => loadCursorSigner(runtime.dataDir) },
      ],
      exports: [EventStore, PG_POOL, READ_POOL, CursorSigner],
    };
  }
}
