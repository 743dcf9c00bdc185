import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRuntime } from '#runtime';
import { createServerDatabase, type ServerDatabase } from '../../../test/support/server-database.js';
import { eventually } from '../../../test/support/eventually.js';
import { exportCommand } from '../src/commands/export.command.js';

describe('export (CLI)', () => {
  let database: ServerDatabase;
  const saved = process.env.DATABASE_URL;

  beforeAll(async () => {
    database = await createServerDatabase();
    process.env.DATABASE_URL = database.url;
    const runtime = await openRuntime();
    const event = (i: number) => ({
      eventId: randomUUID(),
      type: 'ListSizeRecorded',
      data: { registeredPatients: i },
      effectiveDate: '2010-01-01',
      metadata: { recordedBy: 'test', correlationId: 'c', causationId: null },
    });
    for (let stream = 0; stream < 3; stream++) {
      await runtime.eventStore.append([{ streamId: `practice-A0000${stream}`, expectedVersion: 0, events: [event(1), event(2), event(3)] }]);
    }
    // export writes the stable part of the log; a transaction elsewhere on the server (other suites run beside this
    // one) can keep the appends out of it for a while.
    await eventually(
      () => runtime.eventStore.readAll(null, 100),
      (page) => page.events.length === 9,
    );
    await runtime.close();
  });

  afterAll(async () => {
    process.env.DATABASE_URL = saved;
    if (saved === undefined) delete process.env.DATABASE_URL;
    await database?.drop();
  });

  const run = async (...args: string[]) => {
    const out = join(mkdtempSync(join(tmpdir(), 'export-')), 'log.ndjson');
    await exportCommand()
      .exitOverride()
      .parseAsync(['--out', out, '--json', ...args], { from: 'user' });
    return readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  };

  it('writes every event once, in commit order, with its metadata, and resumes after a cursor', async () => {
    const all = await run();
    expect(all).toHaveLength(9);
    expect(new Set(all.map((e) => e.eventId)).size).toBe(9);
    expect(all[0]).toEqual(
      expect.objectContaining({ type: 'ListSizeRecorded', recordedBy: 'test', effectiveDate: '2010-01-01', position: expect.any(String) }),
    );
    const rest = await run('--after', all[3].position);
    expect(rest.map((e) => e.eventId)).toEqual(all.slice(4).map((e) => e.eventId));
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(
      exportCommand()
        .exitOverride()
        .configureOutput({ writeErr: () => undefined })
        .parseAsync(['--after', 'nonsense'], { from: 'user' }),
    ).rejects.toThrow(/cursor/);
  });
});
