import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The API and the CLI as a user runs them on the embedded default: processes of their own on one DATA_DIR, running
 * the TypeScript sources (as Jest does) through the test loader.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const register = join(root, 'test/support/ts-register.mjs');

function childEnv(dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_OPTIONS: '', NODE_ENV: 'production', ...extra };
  delete env.DATABASE_URL;
  return env;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface RunningApi {
  readonly child: ChildProcess;
  readonly base: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** `npm start`'s API on the embedded database in `dataDir`, on a free loopback port, once it listens. */
export async function startEmbeddedApi(dataDir: string, extraEnv: Record<string, string> = {}): Promise<RunningApi> {
  const port = await freePort();
  const env = childEnv(dataDir, { ...extraEnv, PORT: String(port), HOST: '127.0.0.1' });
  const child = spawn(process.execPath, ['--import', register, join(root, 'apps/api/src/main.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`API exited with ${code} before listening:\n${output}`)));
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** `npm run cli -- <args>` on the embedded database in `dataDir`, to completion. */
export function runEmbeddedCli(dataDir: string, args: readonly string[], extraEnv: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', register, join(root, 'apps/cli/src/main.ts'), ...args], {
    env: childEnv(dataDir, extraEnv),
    encoding: 'utf8',
    timeout: 120_000,
  });
}
