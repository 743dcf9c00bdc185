import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app.js';
import { openRuntime, type Runtime } from '#runtime';
import { createServerDatabase } from './server-database.js';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly runtime: Runtime;
  readonly http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * The real Nest app over real HTTP on a fresh database: the embedded one by default, or a new database on the
 * PostgreSQL server when DATABASE_URL is set (as CI does for its second run).
 */
export async function startTestApp(): Promise<TestApp> {
  process.env.NODE_ENV = 'test';
  // The notary signs with a key file: tests keep theirs out of the working tree's DATA_DIR.
  process.env.LOG_SIGNING_KEY_FILE ??= join(tmpdir(), `gp-register-test-${process.pid}`, 'log-signing.key');
  const server = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
  const runtime = await openRuntime({ settings: { url: server?.url ?? null, dataDir: 'memory' } });
  const app = await initTestApp(runtime);
  return {
    app,
    runtime,
    http: () => request(app.getHttpServer()),
    async close() {
      await app.close();
      await runtime.close();
      await server?.drop();
    },
  };
}

/** The API application on a runtime, initialised and ready for supertest (its OpenAPI UI left out, see createApp). */
export async function initTestApp(runtime: Runtime): Promise<NestFastifyApplication> {
  const app = await createApp(runtime, { openApiUi: false });
  await app.init();
  // Fastify finishes registering its routes and plugins asynchronously: supertest needs them all in place.
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
