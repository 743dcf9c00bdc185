// A notary in its own process, for the crash test: steps through the log in small pages, printing each step that
// wrote something, until killed; with UNTIL_SIGNED=n it exits once a head of n leaves is signed.
import 'reflect-metadata';
import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import { Notary } from '../../src/notary/notary.js';
import { loadOrCreateSigningKey } from '../../src/signing/log-signing-key.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const store = new PostgresEventStore(pool, { embedded: false });
const notary = new Notary(store, pool, loadOrCreateSigningKey(process.env.LOG_SIGNING_KEY_FILE), {
  batchSize: Number(process.env.BATCH_SIZE ?? 25),
  headIntervalMs: 0,
});
const untilSigned = process.env.UNTIL_SIGNED === undefined ? null : Number(process.env.UNTIL_SIGNED);

for (;;) {
  const step = await notary.step();
  if (step.leaves > 0 || step.signed) {
    process.stdout.write(`step ${step.treeSize}${step.signed ? ' signed' : ''}\n`);
    if (untilSigned !== null && step.signed?.treeSize === untilSigned) break;
    continue;
  }
  // Nothing readable yet (a transaction open somewhere on the server holds log readers back): look again shortly.
  await new Promise((resolve) => setTimeout(resolve, 20));
}
await store.close();
await pool.end();
