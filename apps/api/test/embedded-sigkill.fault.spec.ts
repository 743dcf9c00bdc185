import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEmbeddedCli, startEmbeddedApi } from '../../../test/support/embedded-processes.js';

/** `npm start` on the embedded database, SIGKILLed while four clients write: nothing acknowledged may be lost. */
const PRACTICES = ['E10001', 'E10002', 'E10003', 'E10004'];

describe('the embedded API is SIGKILLed mid-write (fault)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gp-register-sigkill-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loses nothing it acknowledged, and verify passes after the restart', async () => {
    const first = await startEmbeddedApi(dataDir);
    const headers = { Authorization: `Bearer ${readFileSync(join(dataDir, 'admin.key'), 'utf8').trim()}`, 'Content-Type': 'application/json' };
    const post = (base: string, path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    for (const odsCode of PRACTICES)
      expect((await post(first.base, '/practices', { odsCode, name: `Kill ${odsCode}`, openedOn: '2004-04-01' })).status).toBe(201);

    const acknowledged: string[] = [];
    let failed = 0;
    let running = true;
    const writers = PRACTICES.map(async (odsCode, w) => {
      for (let i = 0; running; i++) {
        try {
          const res = await post(first.base, `/practices/${odsCode}/list-size`, { registeredPatients: w * 10_000 + i, effectiveDate: '2015-01-01' });
          if (res.status === 201) acknowledged.push(((await res.json()) as { eventId: string }).eventId);
        } catch {
          failed++; // the connection was cut by the kill
        }
      }
    });
    const until = Date.now() + 60_000;
    while (acknowledged.length < 100 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    running = false;
    await Promise.all(writers);

    const verify = runEmbeddedCli(dataDir, ['verify']);
    const second = await startEmbeddedApi(dataDir);
    try {
      const stored = new Set<string>();
      for (const odsCode of PRACTICES) {
        const history = (await (await fetch(`${second.base}/practices/${odsCode}/history`, { headers })).json()) as { events: { eventId: string }[] };
        for (const event of history.events) stored.add(event.eventId);
      }
      const lost = acknowledged.filter((id) => !stored.has(id));
      process.stdout.write(`sigkill fault: acknowledged ${acknowledged.length}, lost ${lost.length}, cut ${failed}, verify exit ${verify.status}\n`);
      expect(lost).toEqual([]);
      expect(verify.status).toBe(0);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.once('exit', resolve));
    }
  }, 240_000);
});
