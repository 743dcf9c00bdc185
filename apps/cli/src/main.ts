#!/usr/bin/env node
import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { describeFailure, EXIT_USAGE } from './cli-output.js';
import { importOdsCommand } from './commands/import-ods.command.js';
import { seedDemoCommand } from './commands/seed-demo.command.js';
import { rebuildProjectionsCommand } from './commands/rebuild-projections.command.js';
import { replayCommand } from './commands/replay.command.js';
import { verifyCommand } from './commands/verify.command.js';
import { exportCommand } from './commands/export.command.js';
import { keysCommand } from './commands/keys.command.js';
import { verifyLogCommand } from './commands/verify-log.command.js';
import { migrateCommand } from './commands/migrate.command.js';

const program = new Command('gp-register')
  .description('GP contract transition register: import NHS ODS files, seed a demo history, maintain projections')
  .showHelpAfterError('(add --help for usage)')
  .addHelpText(
    'after',
    '\nDatabase: the embedded one in DATA_DIR (default ./.data), or DATABASE_URL=postgres://… for a server.\n' +
      'Exit codes: 0 done, 1 the work failed, 2 the command line was wrong.',
  );

// One line per command.
program.addCommand(importOdsCommand());
program.addCommand(seedDemoCommand());
program.addCommand(rebuildProjectionsCommand());
program.addCommand(replayCommand());
program.addCommand(verifyCommand());
program.addCommand(exportCommand());
program.addCommand(keysCommand());
program.addCommand(verifyLogCommand());
program.addCommand(migrateCommand());

await run(program, process.argv);

async function run(cli: Command, argv: readonly string[]): Promise<void> {
  const withSubcommands = (command: Command): Command[] => [command, ...command.commands.flatMap(withSubcommands)];
  for (const command of withSubcommands(cli)) command.exitOverride();
  try {
    await cli.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed its message (or the help) to the right stream.
      const shownOnRequest = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      process.exitCode = shownOnRequest ? 0 : EXIT_USAGE;
      return;
    }
    const failure = describeFailure(error);
    process.stderr.write(`${failure.message}\n`);
    process.exitCode = failure.exitCode;
  }
}
