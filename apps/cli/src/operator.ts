import { userInfo } from 'node:os';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { cliPrincipalName } from '#access';

const OPERATOR_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

/**
 * SPEC §7: what the CLI appends records `recordedBy: "cli:<name>"`, the operator acting with their own database access;
 * `--as <name>`, by default the OS user.
 */
export function withOperatorOption(command: Command): Command {
  return command.addOption(
    new Option('--as <name>', 'who is recording, for recordedBy "cli:<name>" (default: the OS user)').argParser((value: string) => {
      if (!OPERATOR_NAME.test(value)) throw new InvalidArgumentError('a name of letters, digits and . _ @ - (up to 100)');
      return value;
    }),
  );
}

export function operatorRecordedBy(as: string | undefined): string {
  const name = as ?? userInfo().username;
  return cliPrincipalName(OPERATOR_NAME.test(name) ? name : 'operator');
}
