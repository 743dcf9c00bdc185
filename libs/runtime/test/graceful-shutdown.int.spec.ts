import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const register = join(root, 'test/support/ts-register.mjs');

/** Starts the child, waits for it to say ready, sends the signals, and reports how and how soon it exited. */
async function signalled(signals: NodeJS.Signals[], deadlineMs: number): Promise<{ code: number | null; ms: number }> {
  const child = spawn(process.execPath, ['--import', register, join(root, 'libs/runtime/test/support/shutdown-child.ts')], {
    env: { ...process.env, NODE_OPTIONS: '', DEADLINE_MS: String(deadlineMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const started = Date.now();
  for (const signal of signals) child.kill(signal);
  const code = await exited;
  return { code, ms: Date.now() - started };
}

describe('shutdown with a deadline', () => {
  it('exits 1 at the deadline when closing does not end', async () => {
    const { code, ms } = await signalled(['SIGTERM'], 1_500);
    expect(code).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(1_400);
    expect(ms).toBeLessThan(10_000);
  });

  it('exits at once on a second signal', async () => {
    const { code, ms } = await signalled(['SIGTERM', 'SIGINT'], 60_000);
    expect(code).toBe(1);
    expect(ms).toBeLessThan(10_000);
  });
});
