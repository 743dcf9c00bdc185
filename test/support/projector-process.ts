import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const register = join(root, 'test/support/ts-register.mjs');

export interface ProjectorProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `npm run start:projector` on a PostgreSQL server, from the TypeScript sources (as Jest runs them), once it projects.
 * `dataDir` keeps its cursor secret and log signing key, shared by every projector of the same database.
 */
export async function startProjectorProcess(databaseUrl: string, dataDir: string): Promise<ProjectorProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOG_SIGNING_KEY_FILE: join(dataDir, 'log-signing.key'),
    NODE_OPTIONS: '',
  };
  delete env.READ_DATABASE_URL;
  const child = spawn(process.execPath, ['--import', register, join(root, 'apps/projector/src/main.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('projecting the landscape')) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`projector exited with ${code} before projecting:\n${output}`)));
  });
  return {
    child,
    exited,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
