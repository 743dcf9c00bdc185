import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { Runtime } from '#runtime';
import { AppModule, type AppOptions } from './app.module.js';
import { setUpOpenApi } from './openapi.js';
import { ProblemFilter } from './http/problem.filter.js';
import { createValidationPipe } from './http/validation.pipe.js';
import { acceptJsonBodiesOnly } from './http/json-bodies-only.js';
import { parseJsonWithDepthLimit } from './http/json-parser.js';
import { addSecurityHeaders, corsOriginsFromEnv } from './http/security-headers.js';
import { fastifyServerOptions } from './http/server-limits.js';
import { refuseRequestsWhileClosing } from './http/shutting-down.js';
import { refuseWhenOverloaded, type LoadLimits } from './http/back-pressure.js';

export interface CreateAppOptions extends AppOptions {
  /**
   * Serve the OpenAPI UI at /docs (default true; the document at /docs-json always). Its assets are served by
   * @fastify/static, whose CommonJS code requires an ES module (content-disposition 3): Node does that natively,
   * Jest's module loader cannot, so the tests' app goes without the UI.
   */
  readonly openApiUi?: boolean;
  /** Past these the service answers 503 OVERLOADED (default LOAD_LIMITS). */
  readonly loadLimits?: LoadLimits;
}

/** Builds the HTTP application on an opened runtime; used by main.ts, the e2e tests and the benchmark. */
export async function createApp(runtime: Runtime, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter(fastifyServerOptions());
  const fastify = adapter.getInstance();
  refuseRequestsWhileClosing(fastify);
  parseJsonWithDepthLimit(fastify);
  acceptJsonBodiesOnly(fastify);
  // bodyParser off: Nest would register its own JSON parser over ours (json-parser.ts) and refuse to start.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRuntime(runtime, options), adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  await addSecurityHeaders(app);
  await refuseWhenOverloaded(app, [...new Set([runtime.database.pool, runtime.database.readPool])], options.loadLimits);
  const corsOrigins = corsOriginsFromEnv();
  if (corsOrigins.length > 0) {
    app.enableCors({
      origin: corsOrigins,
      methods: ['GET', 'POST', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Correlation-Id', 'X-Causation-Id'],
      exposedHeaders: ['Retry-After', 'WWW-Authenticate'],
      maxAge: 600,
    });
  }
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  setUpOpenApi(app, options.openApiUi ?? true);
  return app;
}
