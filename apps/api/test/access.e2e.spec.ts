import { ApiKeyCache, ApiKeyRegistry } from '#access';
import { eventually } from '../../../test/support/eventually.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

/** SPEC §7 as a table: every kind of caller against every class of route, with the exact answer and nothing appended. */
type Caller = 'none' | 'garbage' | 'basic' | 'revoked' | 'expired' | 'reader' | 'auditor' | 'recorder' | 'scoped recorder' | 'admin';
type RouteClass =
  | 'public'
  | 'landscape read'
  | 'practice read'
  | 'csv'
  | 'audit read'
  | 'write in scope'
  | 'write out of scope'
  | 'open in scope'
  | 'open out of scope';

const CALLERS: Caller[] = ['none', 'garbage', 'basic', 'revoked', 'expired', 'reader', 'auditor', 'recorder', 'scoped recorder', 'admin'];
const UNAUTHENTICATED = { status: 401, code: 'UNAUTHENTICATED' };
const FORBIDDEN = { status: 403, code: 'FORBIDDEN' };
const OUT_OF_SCOPE = { status: 403, code: 'OUT_OF_SCOPE' };
const OK = { status: 200 };
const CREATED = { status: 201 };

/** What each caller gets from each route class. */
function expected(caller: Caller, route: RouteClass): { status: number; code?: string } {
  if (route === 'public') return OK;
  if (['none', 'garbage', 'basic', 'revoked', 'expired'].includes(caller)) return UNAUTHENTICATED;
  const reads = ['landscape read', 'practice read', 'csv'].includes(route);
  if (reads) return OK;
  if (route === 'audit read') return caller === 'reader' ? FORBIDDEN : OK;
  if (caller === 'reader' || caller === 'auditor') return FORBIDDEN;
  if (caller === 'scoped recorder' && route.endsWith('out of scope')) return OUT_OF_SCOPE;
  return CREATED;
}

describe('access: who may do what (SPEC §7, e2e)', () => {
  let t: TestApp;
  const authorization = new Map<Caller, string | null>();
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    const key = (name: string, role: 'reader' | 'auditor' | 'recorder' | 'admin', extra = {}) => t.issueKey({ name, role, ...extra });
    authorization.set('none', null);
    authorization.set('garbage', 'Bearer gpr_thisIsNotAKeyOfThisRegisterAtAll0000000000000');
    authorization.set('basic', 'Basic YWRtaW46YWRtaW4=');
    const revoked = await key('revoked-admin', 'admin');
    const registry = new ApiKeyRegistry(t.runtime.database.pool);
    await registry.revoke((await registry.list()).find((k) => k.name === 'revoked-admin')!.id);
    await t.app.get(ApiKeyCache).reload();
    authorization.set('revoked', `Bearer ${revoked}`);
    authorization.set('expired', `Bearer ${await key('expired-admin', 'admin', { expiresOn: '2020-01-01' })}`);
    authorization.set('reader', `Bearer ${await key('a-reader', 'reader')}`);
    authorization.set('auditor', `Bearer ${await key('an-auditor', 'auditor')}`);
    authorization.set('recorder', `Bearer ${await key('a-recorder', 'recorder')}`);
    authorization.set('scoped recorder', `Bearer ${await key('wolverhampton-recorder', 'recorder', { commissioners: ['5E1', '00K'] })}`);
    authorization.set('admin', `Bearer ${await key('an-admin', 'admin')}`);
    await t
      .http()
      .post('/practices')
      .send({ odsCode: 'S10001', name: 'In Scope Surgery', openedOn: '2004-04-01', commissionerCode: '5E1' })
      .expect(201);
    const last = await t
      .http()
      .post('/practices')
      .send({ odsCode: 'S10002', name: 'Elsewhere Surgery', openedOn: '2004-04-01', commissionerCode: 'QOP' })
      .expect(201);
    // Reads come from the projection: wait until it holds both practices (a busy shared server delays it past 5 s).
    const projected = () => t.http().get('/practices/S10002').query({ minPosition: last.body.position });
    expect((await eventually(projected, (response) => response.status === 200)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const logLength = async () => (await t.runtime.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;

  function send(route: RouteClass, client: ReturnType<TestApp['http']>) {
    switch (route) {
      case 'public':
        // Liveness: public and independent of the database (readiness may say 503 while the projector catches up).
        return client.get('/health/live');
      case 'landscape read':
        return client.get('/landscape/summary');
      case 'practice read':
        return client.get('/practices/S10001');
      case 'csv':
        return client.get('/reports/practices.csv');
      case 'audit read':
        return client.get('/practices/S10001/history');
      case 'write in scope':
        return client.post('/practices/S10001/list-size').send({ registeredPatients: 5000 + serial++, effectiveDate: '2015-01-01' });
      case 'write out of scope':
        return client.post('/practices/S10002/list-size').send({ registeredPatients: 5000 + serial++, effectiveDate: '2015-01-01' });
      case 'open in scope':
      case 'open out of scope': {
        const odsCode = `T${String(20_000 + serial++)}`;
        const commissionerCode = route === 'open in scope' ? '00K' : 'QOP';
        return client.post('/practices').send({ odsCode, name: 'New Surgery', openedOn: '2020-04-01', commissionerCode });
      }
    }
  }

  const routes: RouteClass[] = [
    'public',
    'landscape read',
    'practice read',
    'csv',
    'audit read',
    'write in scope',
    'write out of scope',
    'open in scope',
    'open out of scope',
  ];
  const table = CALLERS.flatMap((caller) => routes.map((route) => [caller, route, expected(caller, route)] as const));

  it.each(table)('%s → %s: %j', async (caller, route, answer) => {
    const header = authorization.get(caller) ?? null;
    const client = header === null ? t.anonymous() : t.withAuthorization(header)();
    const before = await logLength();
    const res = await send(route, client);
    expect({ status: res.status, code: res.body?.code }).toEqual({ status: answer.status, code: answer.code ?? res.body?.code });
    if (answer.status >= 400) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await logLength()).toBe(before);
    }
    if (answer.status === 401) expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="gp-register"/);
  });

  it('records the principal as recordedBy, never a name from the body or a header', async () => {
    const res = await t
      .withAuthorization(authorization.get('scoped recorder')!)()
      .post('/practices/S10001/name')
      .set('X-Recorded-By', 'someone-else')
      .send({ name: 'Renamed Surgery', effectiveDate: '2016-01-01' })
      .expect(201);
    const history = await t.http().get('/practices/S10001/history').expect(200);
    const event = history.body.events.find((e: { eventId: string }) => e.eventId === res.body.eventId);
    expect(event.recordedBy).toBe('wolverhampton-recorder');
    const withField = await t.http().post('/practices/S10001/name').send({ name: 'X', effectiveDate: '2016-02-01', recordedBy: 'forged' });
    expect({ status: withField.status, code: withField.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('judges scope on the effective date as the register knows it now', async () => {
    const scoped = t.withAuthorization(authorization.get('scoped recorder')!);
    await t
      .http()
      .post('/practices')
      .send({ odsCode: 'S10003', name: 'Moving Surgery', openedOn: '2004-04-01', commissionerCode: 'QOP' })
      .expect(201);
    await t.http().post('/practices/S10003/commissioner').send({ commissionerCode: '5E1', effectiveDate: '2013-04-01' }).expect(201);
    const before = await scoped().post('/practices/S10003/list-size').send({ registeredPatients: 4000, effectiveDate: '2012-01-01' });
    expect({ status: before.status, code: before.body.code }).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    await scoped().post('/practices/S10003/list-size').send({ registeredPatients: 4100, effectiveDate: '2014-01-01' }).expect(201);
    // A merge writes to two practices: both must be in scope.
    const merge = await scoped().post('/practices/S10003/merge').send({ intoOdsCode: 'S10002', effectiveDate: '2018-04-01' });
    expect({ status: merge.status, code: merge.body.code }).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
  });

  it('refuses bodies that are not JSON before reading them (415), whoever sends them', async () => {
    const form = await t
      .http()
      .post('/practices/S10001/close')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send('reason=gone&effectiveDate=2020-01-01');
    expect({ status: form.status, code: form.body.code }).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    const text = await t
      .http()
      .post('/practices/S10001/close')
      .set('Content-Type', 'text/plain')
      .send('{"reason":"gone","effectiveDate":"2020-01-01"}');
    expect({ status: text.status, code: text.body.code }).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(text.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(form.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends security headers on every answer, errors included', async () => {
    for (const res of [await t.anonymous().get('/health'), await t.anonymous().get('/landscape/summary'), await t.http().get('/no-such-route')]) {
      expect(res.headers).toEqual(
        expect.objectContaining({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.any(String),
          'content-security-policy': expect.stringContaining("default-src 'self'"),
          'referrer-policy': 'no-referrer',
        }),
      );
    }
  });

  it('documents the bearer scheme and the role of every operation', async () => {
    const doc = (await t.anonymous().get('/docs-json').expect(200)).body;
    expect(doc.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    const operations = Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[]; 'x-required-role'?: string }>>).flatMap(
      ([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          route: `${method.toUpperCase()} ${path}`,
          role: operation['x-required-role'],
          secured: (operation.security?.length ?? 0) > 0,
        })),
    );
    expect(operations.filter((o) => o.role === undefined)).toEqual([]);
    expect(operations.filter((o) => (o.role === 'none') === o.secured)).toEqual([]);
    const role = (route: string) => operations.find((o) => o.route === route)?.role;
    expect([
      role('GET /health'),
      role('GET /landscape/summary'),
      role('GET /feed'),
      role('GET /practices/{ods}/history'),
      role('POST /practices'),
    ]).toEqual(['none', 'reader', 'auditor', 'auditor', 'recorder']);
  });
});
