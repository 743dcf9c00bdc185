import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';

describe('durable embedded database (EMBEDDED_FSYNC)', () => {
  it.each([
    [true, 'on', 'fsync'],
    [false, 'off', 'fdatasync'],
  ])('fsync %s: PostgreSQL runs with fsync %s and WAL sync method %s', async (fsync, expectedFsync, method) => {
    const dir = mkdtempSync(join(tmpdir(), 'durable-embedded-'));
    const embedded = await startEmbeddedPostgres(join(dir, 'data'), { fsync });
    const client = new pg.Client({ connectionString: embedded.url });
    try {
      await client.connect();
      const settings = await client.query<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'wal_sync_method') ORDER BY name`,
      );
      expect(settings.rows).toEqual([
        { name: 'fsync', setting: expectedFsync },
        { name: 'wal_sync_method', setting: method },
      ]);
      await client.query('CREATE TABLE t (v int)');
      await client.query('INSERT INTO t VALUES (1)');
    } finally {
      await client.end();
      await embedded.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
