import 'reflect-metadata';
import { openRuntime } from '#runtime';
import { createApp } from './create-app.js';

async function main(): Promise<void> {
  const runtime = await openRuntime({ applicationName: 'gp-register-api' });
  const app = await createApp(runtime);
  const port = Number(process.env.PORT ?? 3000);
  // Every interface by default, as a container needs (Fastify alone would listen on localhost only); HOST narrows it.
  await app.listen(port, process.env.HOST?.trim() || '0.0.0.0');
  const where = runtime.database.embedded ? `embedded database in ${process.env.DATA_DIR ?? './.data'}` : 'PostgreSQL server';
  process.stdout.write(`GP register API listening on http://localhost:${port} (${where}); docs at /docs\n`);
  const shutdown = async () => {
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
