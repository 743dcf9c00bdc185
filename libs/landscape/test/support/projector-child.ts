// A projector in its own process, for the crash test: steps through the log in small pages, printing each step that
// applied events, until killed; with UNTIL_EVENTS=n it exits once n events are applied.
import 'reflect-metadata';
import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import { readCheckpoint } from '../../src/projector/checkpoint-store.js';
import { PracticeVersionsProjector } from '../../src/projector/practice-versions.projector.js';
import { PRACTICE_VERSIONS_TABLE } from '../../src/schema/practice-versions.ddl.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const store = new PostgresEventStore(pool, { embedded: false });
const projector = new PracticeVersionsProjector(store, pool, { table: PRACTICE_VERSIONS_TABLE, batchSize: Number(process.env.BATCH_SIZE ?? 25) });
const untilEvents = process.env.UNTIL_EVENTS === undefined ? null : Number(process.env.UNTIL_EVENTS);

for (;;) {
  const step = await projector.step();
  if (step.applied > 0) {
    process.stdout.write(`step ${step.applied}\n`);
    continue;
  }
  if (untilEvents !== null && (await readCheckpoint(pool, PRACTICE_VERSIONS_TABLE)).eventsApplied >= untilEvents) break;
  // Nothing readable yet (a transaction open somewhere on the server holds log readers back): look again shortly.
  await new Promise((resolve) => setTimeout(resolve, 20));
}
await store.close();
await pool.end();
