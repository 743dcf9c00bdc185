import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { ApiKeyCache, ApiKeyRegistry, type NewApiKey } from '#access';
import { REQUEST_TIMEOUTS, type DatabaseTimeouts } from '#platform';
import { openRuntime, type Runtime } from '#runtime';
import { createApp, type CreateAppOptions } from '../../apps/api/src/create-app.js';
import { LOAD_LIMITS } from '../../apps/api/src/http/back-pressure.js';
import { createServerDatabase } from './server-database.js';

type Http = () => ReturnType<typeof request>;

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly runtime: Runtime;
  /** Requests as an admin, as every client of the register must send a key. */
  readonly http: Http;
  /** Requests with no credentials at all. */
  readonly anonymous: Http;
  /** Requests sending `Authorization: <authorization>` as given. */
  readonly withAuthorization: (authorization: string) => Http;
  /** Issues a key (secret included) on the app's database. */
  readonly issueKey: (key: Omit<NewApiKey, 'createdBy'> & { createdBy?: string }) => Promise<string>;
  close(): Promise<void>;
}

/**
 * The real Nest app over real HTTP on a fresh database: the embedded one by default, or a new database on the
 * PostgreSQL server when DATABASE_URL is set (as CI does for its second run).
 */
export async function startTestApp(options: CreateAppOptions & { timeouts?: DatabaseTimeouts } = {}): Promise<TestApp> {
  process.env.NODE_ENV = 'test';
  // The notary signs with a key file: tests keep theirs out of the working tree's DATA_DIR.
  process.env.LOG_SIGNING_KEY_FILE ??= join(tmpdir(), `gp-register-test-${process.pid}`, 'log-signing.key');
  const server = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
  // The API's own limits on waiting for the database, as main.ts sets them.
  const { timeouts = REQUEST_TIMEOUTS, ...appOptions } = options;
  const runtime = await openRuntime({ settings: { url: server?.url ?? null, dataDir: 'memory' }, timeouts });
  const app = await initTestApp(runtime, appOptions);
  const clients = await testClients(app, runtime);
  return {
    app,
    runtime,
    ...clients,
    async close() {
      await app.close();
      await runtime.close();
      await server?.drop();
    },
  };
}

/** HTTP clients of an initialised app: an admin's, an anonymous one, and any Authorization header. */
export async function testClients(app: NestFastifyApplication, runtime: Runtime) {
  const registry = new ApiKeyRegistry(runtime.database.pool);
  // Another process's new key reaches the app's cache by notification; one made here is loaded straight away.
  const issueKey: TestApp['issueKey'] = async (key) => {
    const issued = await registry.create({ createdBy: 'test', ...key });
    await app.get(ApiKeyCache).reload();
    return issued.key;
  };
  const withAuthorization =
    (authorization: string): Http =>
    () =>
      withHeader(request(app.getHttpServer()), 'Authorization', authorization);
  const admin = await issueKey({ name: 'test-admin', role: 'admin' });
  return { http: withAuthorization(`Bearer ${admin}`), anonymous: () => request(app.getHttpServer()), withAuthorization, issueKey };
}

/** Every request made through `client` carries the header. */
function withHeader(client: ReturnType<typeof request>, name: string, value: string): ReturnType<typeof request> {
  return new Proxy(client, {
    get(target, verb: string) {
      const method = Reflect.get(target, verb) as unknown;
      if (typeof method !== 'function') return method;
      return (...args: unknown[]) => {
        const made = (method as (...a: unknown[]) => unknown).apply(target, args) as { set?: (n: string, v: string) => unknown };
        return typeof made?.set === 'function' ? made.set(name, value) : made;
      };
    },
  });
}

/** The API application on a runtime, initialised and ready for supertest (its OpenAPI UI left out, see createApp). */
export async function initTestApp(runtime: Runtime, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  // No shedding on event-loop delay unless a test asks for it: a test process compiles modules and runs other files'
  // work on the same loop, and a slow first sample would refuse the first requests of an unrelated test.
  const loadLimits = options.loadLimits ?? { ...LOAD_LIMITS, maxEventLoopDelayMs: 0 };
  const app = await createApp(runtime, { ...options, loadLimits, openApiUi: false });
  await app.init();
  // Fastify finishes registering its routes and plugins asynchronously: supertest needs them all in place.
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
