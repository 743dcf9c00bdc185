import 'reflect-metadata';
import { ApiKeyRegistry, sessionSecretFrom, sessionTtlHoursFromEnv, writeFirstAdminKey } from '#access';
import { databaseSettingsFromEnv, REQUEST_TIMEOUTS, timeoutsFromEnv } from '#platform';
import { exitOnSignals, openRuntime, type Runtime } from '#runtime';
import { createApp } from './create-app.js';

async function main(): Promise<void> {
  const settings = databaseSettingsFromEnv();
  const runtime = await openRuntime({ settings, applicationName: 'gp-register-api', timeouts: timeoutsFromEnv(REQUEST_TIMEOUTS) });
  await announceFirstAdminKey(runtime, settings.dataDir);
  const sessions = { secret: sessionSecretFrom(process.env, settings.dataDir), ttlHours: sessionTtlHoursFromEnv() };
  const app = await createApp(runtime, { access: { sessions } });
  const port = Number(process.env.PORT ?? 3000);
  // Every interface by default, as a container needs (Fastify alone would listen on localhost only); HOST narrows it.
  await app.listen(port, process.env.HOST?.trim() || '0.0.0.0');
  const replica = runtime.database.readPool !== runtime.database.pool ? ', landscape reads from a replica' : '';
  const where = runtime.database.embedded ? `embedded database in ${process.env.DATA_DIR ?? './.data'}` : `PostgreSQL server${replica}`;
  process.stdout.write(`GP register API listening on http://localhost:${port} (${where}); dashboard at /ui/, docs at /docs\n`);
  exitOnSignals(
    async () => {
      await app.close();
      await runtime.close();
    },
    (line) => process.stdout.write(`${line}\n`),
  );
}

/** SPEC §7: the embedded database's first start writes an admin key to a file; the log names the file, never the key. */
async function announceFirstAdminKey(runtime: Runtime, dataDir: string): Promise<void> {
  if (!runtime.database.embedded) return;
  const path = await writeFirstAdminKey(new ApiKeyRegistry(runtime.database.pool), dataDir);
  if (path) process.stdout.write(`First start: an admin API key was written to ${path} (readable by you only). Use it as KEY=$(cat ${path})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
