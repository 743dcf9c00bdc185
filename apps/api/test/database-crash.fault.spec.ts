import pg from 'pg';
import { REQUEST_TIMEOUTS } from '#platform';
import { openRuntime, type Runtime } from '#runtime';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { initTestApp, testClients } from '../../../test/support/test-app.js';
import { eventually } from '../../../test/support/eventually.js';
import { startPrivateCluster, type PrivateCluster } from '../../../test/support/private-cluster.js';
import { byStatus, startWriters } from './support/fault-load.js';

const WRITERS = ['K10001', 'K10002', 'K10003', 'K10004', 'K10005', 'K10006', 'K10007', 'K10008'];
const OUTAGE_MS = 5_000;

describe('the PostgreSQL server crashes under eight writers (fault)', () => {
  let cluster: PrivateCluster;
  let runtime: Runtime;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    cluster = await startPrivateCluster();
    runtime = await openRuntime({ settings: { url: cluster.url, dataDir: 'memory' }, timeouts: REQUEST_TIMEOUTS });
    app = await initTestApp(runtime);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await runtime?.close().catch(() => undefined);
    cluster?.destroy();
  });

  it('keeps every acknowledged write, answers everything else 503 with Retry-After (or cuts), and writes again within 15 s', async () => {
    const { http } = await testClients(app, runtime);
    for (const odsCode of WRITERS)
      await http()
        .post('/practices')
        .send({ odsCode, name: `Crash ${odsCode}`, openedOn: '2004-04-01' })
        .expect(201);
    const writers = startWriters(http, WRITERS);
    const created = () => writers.answers.filter((a) => a.status === 201).length;
    await eventually(
      async () => created(),
      (n) => n >= 80,
      60_000,
    );

    const crashedAt = Date.now();
    cluster.crash();
    const health = await http().get('/health');
    const healthMs = Date.now() - crashedAt;
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS)); // the outage lasts this long, whatever happens
    cluster.start();
    const restartedAt = Date.now();
    const firstAfter = await eventually(
      async () => writers.answers.find((a) => a.status === 201 && a.at >= restartedAt),
      (a) => a !== undefined,
      30_000,
    );
    const recoveryMs = firstAfter ? firstAfter.at + firstAfter.ms - restartedAt : Infinity;
    await eventually(
      async () => created(),
      (n) => n >= 200,
      60_000,
    );
    await writers.stop();

    const acknowledged = writers.answers.filter((a) => a.status === 201).map((a) => a.eventId!);
    const check = new pg.Client({ connectionString: cluster.url });
    await check.connect();
    const stored = await check.query<{ id: string }>('SELECT event_id::text AS id FROM event_store.events WHERE event_id = ANY($1::uuid[])', [
      acknowledged,
    ]);
    await check.end();
    const others = writers.answers.filter((a) => a.status !== 201);
    const slowest = Math.max(...writers.answers.map((a) => a.ms));
    process.stdout.write(
      `crash fault: acknowledged ${acknowledged.length}, lost ${acknowledged.length - stored.rowCount!}, answers ${JSON.stringify(byStatus(writers.answers))}, ` +
        `recovery ${recoveryMs} ms after restart, /health during the outage ${health.status} in ${healthMs} ms, slowest answer ${slowest} ms\n`,
    );

    expect(stored.rowCount).toBe(acknowledged.length);
    expect(others.filter((a) => !(a.status === 0 || (a.status === 503 && a.retryAfter !== undefined)))).toEqual([]);
    expect(recoveryMs).toBeLessThan(15_000);
    expect(slowest).toBeLessThan(30_000);
    expect([health.status, healthMs < 2_000]).toEqual([503, true]);
  }, 180_000);
});
