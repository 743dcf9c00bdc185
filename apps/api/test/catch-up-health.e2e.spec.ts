import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEmbeddedCli, startEmbeddedApi, type RunningApi } from '../../../test/support/embedded-processes.js';

interface Health {
  readonly status: number;
  readonly projections: { status: string; events?: number; catchUp?: { eventsApplied: number; eventsBehind: number; startedAt: string } };
}

/**
 * `npm start` on a seeded history it has never projected (SPEC §9): /health is 503 `catching-up` with the catch-up's
 * own progress, answered without waiting for the database's work, and 200 `ready` once the log is projected.
 */
describe('/health while the API catches up with a seeded history (e2e, embedded database, processes of their own)', () => {
  const root = mkdtempSync(join(tmpdir(), 'gp-register-catch-up-'));
  const dataDir = join(root, 'data');
  let api: RunningApi | null = null;

  afterAll(async () => {
    await api?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports catching-up with events applied and behind, then ready with nothing behind', async () => {
    const seeded = runEmbeddedCli(dataDir, ['seed-demo', '--practices', '150', '--json']);
    expect(seeded.status).toBe(0);
    const events = JSON.parse(seeded.stdout).eventsAppended as number;
    expect(events).toBeGreaterThan(20_000); // past the far-behind threshold: a bulk catch-up

    api = await startEmbeddedApi(dataDir);
    const seen: Health[] = [];
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const response = await fetch(`${api.base}/health`);
      const body = (await response.json()) as Omit<Health, 'status'>;
      seen.push({ status: response.status, projections: body.projections });
      if (response.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const catchingUp = seen.filter((health) => health.projections.catchUp !== undefined);
    expect(catchingUp.length).toBeGreaterThan(0);
    for (const { status, projections } of catchingUp) {
      expect(status).toBe(503);
      expect(projections.status).toBe('catching-up');
      expect(projections.catchUp!.eventsApplied + projections.catchUp!.eventsBehind).toBe(events);
      expect(Number.isNaN(Date.parse(projections.catchUp!.startedAt))).toBe(false);
    }
    const applied = catchingUp.map((health) => health.projections.catchUp!.eventsApplied);
    expect(applied).toEqual([...applied].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual({ status: 200, projections: expect.objectContaining({ status: 'ready', events: 0 }) });
  }, 180_000);
});
