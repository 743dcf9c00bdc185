import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

const ISSUER = 'https://login.example.nhs.uk/tenant/v2.0';
const AUDIENCE = 'api://gp-register';

/** The identity provider's key set, served on loopback as a provider would serve it; counts its fetches. */
class LocalJwks {
  fetches = 0;
  private server: Server | null = null;
  constructor(private readonly keys: JWK[]) {}

  async start(): Promise<URL> {
    this.server = createServer((_request, response) => {
      this.fetches++;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return new URL(`http://127.0.0.1:${(this.server.address() as AddressInfo).port}/keys`);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('JWTs from an identity provider (SPEC §7, e2e)', () => {
  let t: TestApp;
  let jwks: LocalJwks;
  let signingKey: CryptoKey;
  let otherKey: CryptoKey;
  let publicJwk: JWK;
  const saved = { ...process.env };

  const now = () => Math.floor(Date.now() / 1000);
  const token = (claims: Record<string, unknown> = {}, options: { key?: CryptoKey; kid?: string; alg?: string } = {}) =>
    new SignJWT({ roles: ['recorder'], ...claims })
      .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? 'provider-key-1' })
      .setSubject((claims.sub as string) ?? 'jane.doe@nhs.net')
      .setIssuer((claims.iss as string) ?? ISSUER)
      .setAudience((claims.aud as string) ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime((claims.exp as number) ?? now() + 600)
      .sign(options.key ?? signingKey);
  const as = (jwt: string) => t.withAuthorization(`Bearer ${jwt}`)();
  const expectRefused = async (jwt: string) => {
    const res = await as(jwt).get('/landscape/summary');
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    return res;
  };

  beforeAll(async () => {
    ({ privateKey: signingKey } = await generateKeyPair('RS256', { extractable: true }).then(async (pair) => {
      publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'provider-key-1', alg: 'RS256', use: 'sig' };
      return pair;
    }));
    ({ privateKey: otherKey } = await generateKeyPair('RS256'));
    jwks = new LocalJwks([publicJwk]);
    const url = await jwks.start();
    Object.assign(process.env, { AUTH_JWKS_URL: url.href, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE });
    t = await startTestApp();
    await t.http().post('/practices').send({ odsCode: 'J10001', name: 'Token Surgery', openedOn: '2004-04-01', commissionerCode: '5E1' }).expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await jwks?.stop();
    process.env = saved;
  });

  it('accepts a valid token and records its subject as recordedBy', async () => {
    const res = await as(await token({ sub: 'jane.doe@nhs.net' }))
      .post('/practices/J10001/list-size')
      .send({ registeredPatients: 6100, effectiveDate: '2016-04-01' })
      .expect(201);
    const history = await t.http().get('/practices/J10001/history').expect(200);
    expect(history.body.events.find((e: { eventId: string }) => e.eventId === res.body.eventId).recordedBy).toBe('jane.doe@nhs.net');
  });

  it('takes the role from a string claim or an array claim', async () => {
    await as(await token({ roles: 'reader' }))
      .get('/landscape/summary')
      .expect(200);
    const readerWrites = await as(await token({ roles: 'reader' }))
      .post('/practices/J10001/list-size')
      .send({ registeredPatients: 1, effectiveDate: '2016-04-02' });
    expect({ status: readerWrites.status, code: readerWrites.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    await as(await token({ roles: ['auditor'] }))
      .get('/feed')
      .expect(200);
    await expectRefused(await token({ roles: ['surgeon'] }));
  });

  it('scopes a token to the commissioners in its claim', async () => {
    const scoped = await token({ commissioners: ['00K'] });
    const res = await as(scoped).post('/practices/J10001/list-size').send({ registeredPatients: 6200, effectiveDate: '2016-05-01' });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    await as(await token({ commissioners: '5E1' }))
      .post('/practices/J10001/list-size')
      .send({ registeredPatients: 6300, effectiveDate: '2016-06-01' })
      .expect(201);
  });

  it('refuses expired, not yet valid, wrong issuer and wrong audience tokens', async () => {
    await expectRefused(await token({ exp: now() - 120 }));
    await expectRefused(
      await new SignJWT({ roles: 'admin' })
        .setProtectedHeader({ alg: 'RS256', kid: 'provider-key-1' })
        .setSubject('x')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime(now() + 600)
        .setNotBefore(now() + 300)
        .sign(signingKey),
    );
    await expectRefused(await token({ iss: 'https://login.example.com/someone-else' }));
    await expectRefused(await token({ aud: 'api://another-service' }));
  });

  it('refuses a forged payload, alg none, and an HMAC signed with the public key', async () => {
    const [header, , signature] = (await token({ roles: 'reader' })).split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'mallory', roles: ['admin'], iss: ISSUER, aud: AUDIENCE, exp: now() + 600 })).toString(
      'base64url',
    );
    await expectRefused(`${header}.${forgedPayload}.${signature}`);
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expectRefused(`${none}.${forgedPayload}.`);
    const publicAsSecret = new TextEncoder().encode(JSON.stringify(publicJwk));
    await expectRefused(
      await new SignJWT({ roles: 'admin' })
        .setProtectedHeader({ alg: 'HS256', kid: 'provider-key-1' })
        .setSubject('m')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime(now() + 600)
        .sign(publicAsSecret),
    );
  });

  it('refuses a token signed by an unknown key, fetching the key set again at most once a minute', async () => {
    const before = jwks.fetches;
    await expectRefused(await token({}, { key: otherKey, kid: 'rotated-key-9' }));
    await expectRefused(await token({}, { key: otherKey, kid: 'rotated-key-10' }));
    await expectRefused(await token({}, { key: otherKey, kid: 'provider-key-1' }));
    expect(jwks.fetches - before).toBeLessThanOrEqual(1);
  });

  it('still takes API keys beside tokens', async () => {
    await t.http().get('/landscape/summary').expect(200);
  });
});
