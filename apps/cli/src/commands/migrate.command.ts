import { Command } from 'commander';
import { inTransaction } from '#event-store';
import { APP_ROLE, grantAppRole, openRuntime } from '#runtime';
import { printResult, table } from '../cli-output.js';

interface MigrateOptions {
  readonly json: boolean;
}

/**
 * SPEC §8: run by the database owner. Applies pending migrations and (on a server) creates the NOLOGIN role
 * register_app and grants it exactly what the API and projector need, so they can run as a login holding only it.
 */
export function migrateCommand(): Command {
  return new Command('migrate')
    .description(
      `Apply pending schema migrations as the database owner and, on a server, create the NOLOGIN role ${APP_ROLE} with ` +
        `what the service needs (read and append the log, write the projections); then GRANT ${APP_ROLE} TO <the service's login>`,
    )
    .option('--json', 'print the result as one JSON document', false)
    .action(async (options: MigrateOptions) => {
      const runtime = await openRuntime({ applicationName: 'gp-register-migrate' });
      try {
        const embedded = runtime.database.embedded;
        if (!embedded) await inTransaction(runtime.database.pool, grantAppRole);
        const result = { migrationsApplied: runtime.migrationsApplied, role: embedded ? null : APP_ROLE };
        printResult(result, options, () => [
          runtime.migrationsApplied.length === 0 ? 'The schema was already current.' : `Applied ${runtime.migrationsApplied.length} migrations.`,
          ...table(runtime.migrationsApplied.map((name) => ['applied', name] as const)),
          embedded
            ? 'Embedded database: no roles to grant.'
            : `Role ${APP_ROLE} holds the service's privileges; give it to the service's login with GRANT ${APP_ROLE} TO <login>.`,
        ]);
      } finally {
        await runtime.close();
      }
    });
}
