import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { Runtime } from '#runtime';
import { AppModule } from './app.module.js';
import { setUpOpenApi } from './openapi.js';
import { ProblemFilter } from './http/problem.filter.js';
import { createValidationPipe } from './http/validation.pipe.js';

/** Builds the HTTP application on an opened runtime; used by main.ts, the e2e tests and the benchmark. */
export async function createApp(runtime: Runtime): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRuntime(runtime), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // SPEC §5: bodies over 1 MiB are refused with 413 (rendered as problem+json by the filter).
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.disable('x-powered-by');
  setUpOpenApi(app);
  return app;
}
