import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '/work/main/dist/libs/event-store/src/postgres/postgres-event-store.js';
import { readFileSync } from 'node:fs';
const [db, perCall = '1', seconds = '5'] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:5432/${db}`, max: 16 });
const store = new PostgresEventStore(pool, { embedded: false });
const streams = Array.from({ length: 16 }, (_, w) => Array.from({ length: Number(perCall) }, (_, i) => ({ id: `probe-${randomUUID()}`, v: 0 })));
let appends = 0; const end = Date.now() + Number(seconds) * 1000;
const ev = () => ({ eventId: randomUUID(), type: 'ListSizeRecorded', data: { registeredPatients: 1234, effectiveDate: '2024-01-01' }, effectiveDate: '2024-01-01', metadata: { recordedBy: 'anonymous', correlationId: randomUUID(), causationId: null } });
const t0 = performance.now();
await Promise.all(streams.map(async (mine) => {
  while (Date.now() < end) {
    await store.append(mine.map((s) => ({ streamId: s.id, expectedVersion: s.v, events: [ev()] })));
    for (const s of mine) s.v++;
    appends += mine.length;
  }
}));
console.log(`${perCall} per call: ${(appends / ((performance.now() - t0) / 1000)).toFixed(0)} events/s`);
await store.close(); await pool.end();
