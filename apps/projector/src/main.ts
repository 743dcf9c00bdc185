import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProjectorService, TrendFolderService } from '#landscape';
import { NotaryService } from '#proof';
import { exitOnSignals, openRuntime } from '#runtime';
import { ProjectorAppModule } from './projector-app.module.js';

/**
 * The landscape projector as its own process, for deployments that run several API instances with PROJECTOR=off.
 * Several projector processes may run at once: the checkpoint's compare-and-set lets one apply each page.
 */
async function main(): Promise<void> {
  const runtime = await openRuntime({ applicationName: 'gp-register-projector', poolSize: 4 });
  const app = await NestFactory.createApplicationContext(ProjectorAppModule.forRuntime(runtime), { bufferLogs: false });
  await app.init();
  await runtime.eventStore.listenForAppends();
  // This process exists to project: PROJECTOR=off (meant for the API) does not apply here.
  app.get(ProjectorService).start();
  app.get(TrendFolderService).start();
  app.get(NotaryService).start();
  const logger = new Logger('Projector');
  logger.log(`projecting the landscape (${runtime.database.embedded ? 'embedded database' : 'PostgreSQL server'})`);

  exitOnSignals(
    async () => {
      await app.close();
      await runtime.close();
    },
    (line) => logger.log(`${line} (the step in progress commits or rolls back whole)`),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`projector failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
