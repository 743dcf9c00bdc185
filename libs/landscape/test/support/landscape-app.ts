import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { Runtime } from '#runtime';
import { initTestApp, testClients } from '../../../../test/support/test-app.js';

/**
 * The real HTTP application on an opened runtime, with the projector left off so tests drive projection steps
 * themselves (no waiting on a background loop).
 */
export async function startLandscapeApp(runtime: Runtime): Promise<{ http: () => ReturnType<typeof request>; close(): Promise<void> }> {
  process.env.NODE_ENV = 'test';
  const previous = process.env.PROJECTOR;
  process.env.PROJECTOR = 'off';
  let app: NestFastifyApplication;
  try {
    app = await initTestApp(runtime);
  } finally {
    // Read once, at bootstrap; leave the environment as found for other test files in this worker.
    if (previous === undefined) delete process.env.PROJECTOR;
    else process.env.PROJECTOR = previous;
  }
  const { http } = await testClients(app, runtime);
  return { http, close: () => app.close() };
}
