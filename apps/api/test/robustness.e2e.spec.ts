import pg from 'pg';
import { REQUEST_TIMEOUTS } from '#platform';
import { LOAD_LIMITS } from '../src/http/back-pressure.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { eventually } from '../../../test/support/eventually.js';
import { listenOnLoopback, rawRequest } from './support/raw-http.js';

const onServer = process.env.DATABASE_URL ? it : it.skip;
const PROBLEM = /^application\/problem\+json/;

describe('robustness: limits, refusals and readiness (SPEC §9, e2e)', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    // A short lock limit, so that a lock held elsewhere shows within the test's time.
    t = await startTestApp({
      timeouts: { ...REQUEST_TIMEOUTS, lockMs: 1_000, acquireMs: 20_000 },
      loadLimits: { ...LOAD_LIMITS, maxPoolWaiting: 0 },
    });
    port = await listenOnLoopback(t.app);
    await t.http().post('/practices').send({ odsCode: 'R10001', name: 'Robust Surgery', openedOn: '2004-04-01' }).expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers an unknown route and a wrong method with problem+json', async () => {
    const unknown = await t.http().get('/no-such-route');
    expect([unknown.status, unknown.headers['content-type'], unknown.body.code]).toEqual([404, expect.stringMatching(PROBLEM), 'NOT_FOUND']);
    const wrongMethod = await t.http().put('/practices/R10001').send({});
    expect(wrongMethod.status).toBeGreaterThanOrEqual(404);
    expect(wrongMethod.headers['content-type']).toMatch(PROBLEM);
  });

  it('answers a path parameter over its length limit with 414 problem+json', async () => {
    const res = await t.http().get(`/practices/${'A'.repeat(500)}`);
    expect([res.status, res.headers['content-type'], res.body.code]).toEqual([414, expect.stringMatching(PROBLEM), 'URI_TOO_LONG']);
  });

  it('answers headers over 16 KiB with 431 problem+json', async () => {
    const res = await rawRequest(port, `GET /health/live HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect([res.status, res.headers['content-type'], JSON.parse(res.body).code]).toEqual([431, expect.stringMatching(PROBLEM), 'HEADERS_TOO_LARGE']);
  });

  it('has a public liveness route that touches nothing else', async () => {
    const res = await t.anonymous().get('/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports readiness with the database and the projections', async () => {
    const res = await eventually(
      () => t.anonymous().get('/health'),
      (r) => r.status === 200,
    );
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up' }, projections: { status: 'ready', events: 0 } });
  });

  it('refuses work with 503 OVERLOADED and Retry-After while requests queue for the database, and still answers /health/live', async () => {
    const pool = t.runtime.database.pool;
    const held = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
    const queued = t
      .http()
      .get('/landscape/summary')
      .then((r) => r.status);
    const fastify = t.app.getHttpAdapter().getInstance() as unknown as { isUnderPressure(): boolean };
    await eventually(
      async () => fastify.isUnderPressure(),
      (yes) => yes,
      10_000,
    );
    const refused = await t.http().get('/landscape/summary');
    expect([refused.status, refused.headers['content-type'], refused.body.code, refused.headers['retry-after']]).toEqual([
      503,
      expect.stringMatching(PROBLEM),
      'OVERLOADED',
      '2',
    ]);
    await t.anonymous().get('/health/live').expect(200);
    held.forEach((client) => client.release());
    expect(await queued).toBe(200);
    await eventually(
      () => t.http().get('/landscape/summary'),
      (r) => r.status === 200,
      10_000,
    );
  });

  onServer('answers 503 DATABASE_BUSY with Retry-After when a lock is held past its limit, and /health within 2 s', async () => {
    const holder = new pg.Client({ connectionString: t.runtime.database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE event_store.events IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const write = await t.http().post('/practices/R10001/list-size').send({ registeredPatients: 4000, effectiveDate: '2010-01-01' });
      expect([write.status, write.headers['content-type'], write.body.code, write.headers['retry-after']]).toEqual([
        503,
        expect.stringMatching(PROBLEM),
        'DATABASE_BUSY',
        '5',
      ]);
      expect(Date.now() - started).toBeLessThan(5_000);
      const healthStarted = Date.now();
      const health = await t.anonymous().get('/health');
      expect(Date.now() - healthStarted).toBeLessThan(2_000);
      expect(health.status).toBe(503);
      expect(health.headers['content-type']).toMatch(PROBLEM);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    await t.http().post('/practices/R10001/list-size').send({ registeredPatients: 4000, effectiveDate: '2010-01-01' }).expect(201);
  });
});
