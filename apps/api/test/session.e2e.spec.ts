import { ApiKeyCache, ApiKeyRegistry, SESSION_COOKIE } from '#access';
import { eventually } from '../../../test/support/eventually.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

/** SPEC §10 sign-in: a cookie that stands for an API key for reads only, ended by sign-out or by revoking the key. */
describe('dashboard sessions (SPEC §10, e2e)', () => {
  let t: TestApp;
  let readerKey: string;
  let adminKey: string;

  const cookieOf = (setCookie: string | string[] | undefined): string => {
    const header = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    return header!.split(';')[0];
  };
  const signIn = async (key: string) => cookieOf((await t.anonymous().post('/session').send({ key }).expect(204)).headers['set-cookie']);
  const logLength = async () => (await t.runtime.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    readerKey = await t.issueKey({ name: 'dashboard-reader', role: 'reader' });
    adminKey = await t.issueKey({ name: 'dashboard-admin', role: 'admin' });
    const opened = await t.http().post('/practices').send({ odsCode: 'S20001', name: 'Session Surgery', openedOn: '2004-04-01' }).expect(201);
    // Reads below expect the practice: wait until the projection has it (reads are eventually consistent).
    const read = () => t.http().get('/practices/S20001').query({ minPosition: opened.body.position });
    expect((await eventually(read, (response) => response.status === 200)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in with a key: 204 and an HttpOnly, SameSite=Strict cookie with an expiry that does not hold the key', async () => {
    const response = await t.anonymous().post('/session').send({ key: readerKey }).expect(204);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=s1\\.`));
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Max-Age=28800/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    expect(setCookie).not.toContain(readerKey.slice(4));
    expect(Buffer.from(cookieOf(setCookie).split('.')[1], 'base64url').toString()).not.toContain(readerKey.slice(4));
  });

  it('marks the cookie Secure when the request came over HTTPS (at a proxy)', async () => {
    const response = await t.anonymous().post('/session').set('X-Forwarded-Proto', 'https').send({ key: readerKey }).expect(204);
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('refuses a bad key with 401 UNAUTHENTICATED, and a body without a key with 400', async () => {
    for (const key of ['gpr_thisIsNotAKeyOfThisRegisterAtAll0000000000000', 'not-a-key']) {
      const response = await t.anonymous().post('/session').send({ key }).expect(401);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.code).toBe('UNAUTHENTICATED');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect((await t.anonymous().post('/session').send({}).expect(400)).body.errors[0].field).toBe('key');
    await t.anonymous().post('/session').send({ key: readerKey, extra: 1 }).expect(400);
  });

  it('lets the cookie read as its key, with that key’s role', async () => {
    const cookie = await signIn(readerKey);
    await t.anonymous().get('/landscape/summary').set('Cookie', cookie).expect(200);
    await t.anonymous().head('/practices/S20001').set('Cookie', cookie).expect(200);
    const who = (await t.anonymous().get('/session').set('Cookie', `theme=dark; ${cookie}`).expect(200)).body;
    expect(who).toEqual({ signedIn: true, name: 'dashboard-reader', role: 'reader', expiresAt: expect.stringMatching(/Z$/) });
    expect((await t.anonymous().get('/session').expect(200)).body).toEqual({ signedIn: false });
    expect((await t.anonymous().get('/practices/S20001/history').set('Cookie', cookie).expect(403)).body.code).toBe('FORBIDDEN');
  });

  it('never lets the cookie write, even an admin’s', async () => {
    const cookie = await signIn(adminKey);
    const before = await logLength();
    const refused = await t
      .anonymous()
      .post('/practices/S20001/list-size')
      .set('Cookie', cookie)
      .send({ registeredPatients: 5000, effectiveDate: '2010-01-01' })
      .expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    expect(refused.body.detail).toMatch(/reads only/);
    expect(await logLength()).toBe(before);
  });

  it('prefers the Authorization header when both are sent', async () => {
    const cookie = await signIn(adminKey);
    await t.anonymous().get('/landscape/summary').set('Cookie', cookie).set('Authorization', 'Bearer nonsense').expect(401);
  });

  it('refuses a tampered or foreign cookie', async () => {
    const cookie = await signIn(adminKey);
    const [name, value] = cookie.split('=');
    const [version, payload, mac] = value.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, expiresAt: claims.expiresAt + 1e9 })).toString('base64url');
    for (const bad of [`${name}=${version}.${forged}.${mac}`, `${name}=${version}.${payload}.${mac.slice(0, -2)}AA`, `${name}=garbage`]) {
      expect((await t.anonymous().get('/landscape/summary').set('Cookie', bad).expect(401)).body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('ends the session on sign-out: the cookie is cleared and the old value refused', async () => {
    const cookie = await signIn(readerKey);
    const response = await t.anonymous().delete('/session').set('Cookie', cookie).expect(204);
    expect(String(response.headers['set-cookie'])).toMatch(new RegExp(`^${SESSION_COOKIE}=; .*Max-Age=0`));
    await t.anonymous().get('/landscape/summary').set('Cookie', cookie).expect(401);
    expect((await t.anonymous().get('/session').set('Cookie', cookie).expect(200)).body).toEqual({ signedIn: false });
    await t.anonymous().delete('/session').expect(204);
  });

  it('stops a session whose key is revoked', async () => {
    const key = await t.issueKey({ name: 'soon-revoked', role: 'reader' });
    const cookie = await signIn(key);
    await t.anonymous().get('/landscape/summary').set('Cookie', cookie).expect(200);
    const registry = new ApiKeyRegistry(t.runtime.database.pool);
    await registry.revoke((await registry.list()).find((k) => k.name === 'soon-revoked')!.id);
    await t.app.get(ApiKeyCache).reload();
    await t.anonymous().get('/landscape/summary').set('Cookie', cookie).expect(401);
    await t.anonymous().post('/session').send({ key }).expect(401);
  });
});
