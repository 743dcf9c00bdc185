import { connect, type Socket } from 'node:net';
import pg from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { REQUEST_TIMEOUTS } from '#platform';
import { openRuntime, type Runtime } from '#runtime';
import { initTestApp, testClients } from '../../../test/support/test-app.js';
import { startPrivateCluster, type PrivateCluster } from '../../../test/support/private-cluster.js';
import { listenOnLoopback } from './support/raw-http.js';
import { byStatus, startWriters, type Answer } from './support/fault-load.js';

const LOCK_HELD_MS = 45_000;
type Http = Awaited<ReturnType<typeof testClients>>['http'];

/**
 * On a private cluster: a transaction held open for 45 s on the shared server would hold every other test's feed
 * back (a log reader sees only transactions older than every one still running on the server).
 */
describe('a lock held for 45 s, slow clients and a burst of reads (fault)', () => {
  let cluster: PrivateCluster;
  let runtime: Runtime;
  let app: NestFastifyApplication;
  let t: { http: Http; anonymous: Http; runtime: Runtime };
  let port: number;

  beforeAll(async () => {
    cluster = await startPrivateCluster();
    runtime = await openRuntime({ settings: { url: cluster.url, dataDir: 'memory' }, timeouts: REQUEST_TIMEOUTS });
    app = await initTestApp(runtime);
    t = { ...(await testClients(app, runtime)), runtime };
    port = await listenOnLoopback(app);
    for (const odsCode of ['L10001', 'L10002', 'L10003', 'L10004']) {
      const res = await t
        .http()
        .post('/practices')
        .send({ odsCode, name: `Lock ${odsCode}`, openedOn: '2004-04-01' });
      expect([res.status, res.body.code]).toEqual([201, undefined]);
    }
  });
  afterAll(async () => {
    await app?.close();
    await runtime?.close();
    cluster?.destroy();
  });

  it('answers writes within 31 s and /health within 2 s while another session holds the log locked', async () => {
    const holder = new pg.Client({ connectionString: t.runtime.database.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE event_store.events IN ACCESS EXCLUSIVE MODE');
    const lockedAt = Date.now();
    const writers = startWriters(t.http, ['L10001', 'L10002', 'L10003', 'L10004']);
    const probes: Answer[] = [];
    while (Date.now() - lockedAt < LOCK_HELD_MS) {
      const started = Date.now();
      const res = await t.anonymous().get('/health');
      probes.push({ at: started, status: res.status, code: res.body?.code, ms: Date.now() - started });
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // an orchestrator's probe interval
    }
    await holder.query('ROLLBACK');
    await holder.end();
    const releasedAt = Date.now();
    await writersUntil(writers.answers, (a) => a.status === 201 && a.at >= releasedAt);
    await writers.stop();

    const during = writers.answers.filter((a) => a.at < releasedAt);
    process.stdout.write(
      `lock fault: writes ${JSON.stringify(byStatus(during))} slowest ${Math.max(...during.map((a) => a.ms))} ms; ` +
        `health ${JSON.stringify(byStatus(probes))} slowest ${Math.max(...probes.map((a) => a.ms))} ms\n`,
    );
    expect(Math.max(...during.map((a) => a.ms))).toBeLessThan(31_000);
    expect(during.filter((a) => a.status !== 201 && !(a.status === 503 && a.retryAfter))).toEqual([]);
    expect(Math.max(...probes.map((a) => a.ms))).toBeLessThan(2_000);
  }, 120_000);

  it('cuts 50 slow-body clients and answers 1,000 concurrent reads, none beyond 30 s and none a 500', async () => {
    const slow = Array.from({ length: 50 }, () => slowBodyClient(port));
    const started = Date.now();
    const reads = await Promise.all(
      Array.from({ length: 1_000 }, async (_, i) => {
        const begun = Date.now();
        const path = i % 2 === 0 ? '/landscape/summary' : '/practices/L10001';
        try {
          const res = await t.http().get(path);
          return { at: begun, status: res.status, code: res.body?.code, ms: Date.now() - begun } as Answer;
        } catch {
          return { at: begun, status: 0, ms: Date.now() - begun } as Answer;
        }
      }),
    );
    const cut = await Promise.all(slow.map((client) => client.closed));
    process.stdout.write(
      `load fault: reads ${JSON.stringify(byStatus(reads))} slowest ${Math.max(...reads.map((a) => a.ms))} ms; ` +
        `slow clients answered ${JSON.stringify(countBy(cut.map((c) => c.status)))} after at most ${Math.max(...cut.map((c) => c.ms))} ms (from ${started})\n`,
    );
    expect(reads.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
    expect(Math.max(...reads.map((a) => a.ms))).toBeLessThan(30_000);
    expect(cut.every((c) => c.status === 408 && c.ms < 30_000)).toBe(true);
  }, 120_000);
});

/** Polls the answers list (filled by the writers) until one matches. */
async function writersUntil(answers: readonly Answer[], match: (a: Answer) => boolean): Promise<void> {
  const until = Date.now() + 30_000;
  while (!answers.some(match) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Announces a body and sends one byte of it, then nothing: the socket must be answered 408 and closed. */
function slowBodyClient(port: number): { closed: Promise<{ status: number; ms: number }> } {
  const socket: Socket = connect(port, '127.0.0.1');
  const opened = Date.now();
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('utf8')));
  socket.write('POST /practices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
  return {
    closed: new Promise((resolve) => {
      const done = () => resolve({ status: Number(received.split(' ')[1] ?? 0), ms: Date.now() - opened });
      socket.on('close', done);
      socket.on('error', () => undefined);
    }),
  };
}

function countBy(values: readonly number[]): Record<string, number> {
  return values.reduce<Record<string, number>>((counts, v) => ({ ...counts, [v]: (counts[v] ?? 0) + 1 }), {});
}
