import { Command, Option } from 'commander';
import { ApiKeyRegistry, newApiKeyProblem, ROLES, type ApiKey, type IssuedApiKey, type Role } from '#access';
import { openRuntime } from '#runtime';
import { CliUsageError, dateOption, EXIT_FAILURE, printResult, table } from '../cli-output.js';
import { operatorRecordedBy } from '../operator.js';

interface CreateOptions {
  readonly name: string;
  readonly role: Role;
  readonly commissioner?: string;
  readonly expires?: string;
  readonly json: boolean;
}

/** `keys create | list | revoke` (SPEC §7): API keys for the HTTP API. Secrets are shown once, at creation, never again. */
export function keysCommand(): Command {
  const keys = new Command('keys').description('Manage API keys for the HTTP API (secrets are stored only as hashes)');
  keys
    .command('create')
    .description('Create a key and print its secret once')
    .requiredOption('--name <who>', 'whose key: what events it records say recordedBy')
    .addOption(new Option('--role <role>', 'what it may do').choices(ROLES).makeOptionMandatory())
    .option('--commissioner <codes>', 'recorder keys only: commissioner codes it may write for, comma-separated')
    .option('--expires <date>', 'YYYY-MM-DD: refused from that day on (UTC)', dateOption)
    .option('--json', 'print {id, name, role, key, commissioners, expiresOn}', false)
    .action(async (options: CreateOptions) => {
      const commissioners =
        options.commissioner
          ?.split(',')
          .map((code) => code.trim())
          .filter(Boolean) ?? null;
      const wanted = {
        name: options.name,
        role: options.role,
        commissioners,
        expiresOn: options.expires ?? null,
        createdBy: operatorRecordedBy(undefined),
      };
      const problem = newApiKeyProblem(wanted);
      if (problem) throw new CliUsageError(problem);
      if (wanted.expiresOn !== null && wanted.expiresOn <= new Date().toISOString().slice(0, 10)) {
        throw new CliUsageError(`--expires ${wanted.expiresOn} is not after today: the key would be refused at once`);
      }
      const issued = await withRegistry((registry) => registry.create(wanted));
      const { id, name, role, key, commissioners: scope, expiresOn } = issued;
      printResult({ id, name, role, key, commissioners: scope, expiresOn }, options, () => created(issued));
    });
  keys
    .command('list')
    .description('List keys (never their secrets)')
    .option('--json', 'print the keys as one JSON array', false)
    .action(async (options: { json: boolean }) => {
      const listed = await withRegistry((registry) => registry.list());
      printResult(listed, options, describeKeys);
    });
  keys
    .command('revoke')
    .description('Revoke a key: every instance refuses it within 5 seconds')
    .argument('<id>', 'the key id (keys list shows it)')
    .option('--json', 'print the revoked key', false)
    .action(async (id: string, options: { json: boolean }) => {
      const revoked = await withRegistry((registry) => registry.revoke(id));
      if (!revoked) {
        process.stderr.write(`no key with id ${id} (keys list shows the ids)\n`);
        process.exitCode = EXIT_FAILURE;
        return;
      }
      printResult(revoked, options, (key) => [`Revoked ${key.id} (${key.name}, ${key.role}) at ${key.revokedAt}`]);
    });
  return keys;
}

async function withRegistry<T>(work: (registry: ApiKeyRegistry) => Promise<T>): Promise<T> {
  const runtime = await openRuntime({ applicationName: 'gp-register-keys', poolSize: 1 });
  try {
    return await work(new ApiKeyRegistry(runtime.database.pool));
  } finally {
    await runtime.close();
  }
}

function created(issued: IssuedApiKey): string[] {
  return [
    `Created ${issued.id} for ${issued.name}: ${describeScope(issued)}.`,
    'The key, shown this once (keep it secret; it is stored only as a hash):',
    issued.key,
  ];
}

function describeKeys(keys: readonly ApiKey[]): string[] {
  if (keys.length === 0) return ['No keys yet: npm run cli -- keys create --name <who> --role <role>'];
  return keys.flatMap((key) => [
    `${key.id}  ${key.name}`,
    ...table(
      [
        ['access', describeScope(key)],
        ['created', `${key.createdAt} by ${key.createdBy}`],
        ['state', state(key)],
      ],
      '    ',
    ),
  ]);
}

const describeScope = (key: ApiKey) =>
  `${key.role}${key.commissioners ? ` for commissioners ${key.commissioners.join(', ')}` : ''}${key.expiresOn ? `, refused from ${key.expiresOn}` : ''}`;

const state = (key: ApiKey) =>
  key.revokedAt ? `revoked ${key.revokedAt}` : key.expiresOn && key.expiresOn <= new Date().toISOString().slice(0, 10) ? 'expired' : 'active';
