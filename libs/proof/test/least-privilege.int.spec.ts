import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { ApiKeyRegistry } from '#access';
import { openRuntime, SchemaNotCurrentError, type Runtime } from '#runtime';
import { migrateCommand } from '../../../apps/cli/src/commands/migrate.command.js';
import { createServerDatabase, type ServerDatabase } from '../../../test/support/server-database.js';
import { eventually } from '../../../test/support/eventually.js';
import { initTestApp } from '../../../test/support/test-app.js';

const ADMIN_URL = process.env.TEST_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A URL for the same database as another login (the test server trusts local logins). */
function asLogin(url: string, login: string): string {
  const parsed = new URL(url);
  parsed.username = login;
  parsed.password = '';
  return parsed.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('the service as a login holding only register_app (PostgreSQL server)', () => {
  const login = `register_test_${randomBytes(4).toString('hex')}`;
  let database: ServerDatabase;
  let fresh: ServerDatabase;
  let runtime: Runtime;
  let service: pg.Pool;

  beforeAll(async () => {
    database = await createServerDatabase();
    fresh = await createServerDatabase();
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
    const quiet = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await migrateCommand().exitOverride().parseAsync(['--json'], { from: 'user' });
    } finally {
      quiet.mockRestore();
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
    await admin(`CREATE ROLE ${login} LOGIN; GRANT register_app TO ${login}`);
    runtime = await openRuntime({ settings: { url: asLogin(database.url, login), dataDir: 'memory' } });
    service = runtime.database.pool;
  }, 60_000);

  afterAll(async () => {
    await runtime?.close();
    await database?.drop();
    await fresh?.drop();
    await admin(`DROP ROLE IF EXISTS ${login}`);
  });

  it('runs the API and its notary: writes are accepted, projected and signed', async () => {
    const savedKeyFile = process.env.LOG_SIGNING_KEY_FILE;
    process.env.LOG_SIGNING_KEY_FILE = join(mkdtempSync(join(tmpdir(), 'proof-key-')), 'log-signing.key');
    // Keys are the operator's to issue, as the owner: the service only reads them.
    const owner = new pg.Pool({ connectionString: database.url, max: 1 });
    const key = await new ApiKeyRegistry(owner).create({ name: 'recorder', role: 'recorder', createdBy: 'cli:test' }).finally(() => owner.end());
    const app = await initTestApp(runtime);
    try {
      const contract = { type: 'GMS', holder: { kind: 'partnership', id: 'church-street', name: 'Church Street' } };
      const http = () => {
        const client = request(app.getHttpServer());
        return {
          post: (path: string) => client.post(path).set('Authorization', `Bearer ${key.key}`),
          get: (path: string) => client.get(path).set('Authorization', `Bearer ${key.key}`),
        };
      };
      const written = await http()
        .post('/practices')
        .send({ odsCode: 'M92011', name: 'Church Street', openedOn: '2010-04-01', commissionerCode: '5E1', contract })
        .expect(201);
      const read = await eventually(
        () => http().get('/practices/M92011').query({ minPosition: written.body.position }),
        (response) => response.status !== 503,
      );
      expect(read.status).toBe(200);
      const head = await eventually(
        () => http().get('/log/tree-head'),
        (response) => response.status === 200,
      );
      expect(head.body).toMatchObject({ treeSize: 1 });
      const { rows } = await service.query<{ user: string }>('SELECT current_user AS user');
      expect(rows[0].user).toBe(login);
    } finally {
      await app.close();
      if (savedKeyFile === undefined) delete process.env.LOG_SIGNING_KEY_FILE;
      else process.env.LOG_SIGNING_KEY_FILE = savedKeyFile;
    }
  });

  it.each([
    ['UPDATE the log', `UPDATE event_store.events SET type = type`],
    ['DELETE from the log', `DELETE FROM event_store.events`],
    ['TRUNCATE the log', `TRUNCATE event_store.events`],
    ['disable the log triggers', `ALTER TABLE event_store.events DISABLE TRIGGER ALL`],
    ['rewrite a signed head', `UPDATE proof.tree_heads SET tree_size = tree_size`],
    ['delete leaves', `DELETE FROM proof.leaves`],
    ['create a table', `CREATE TABLE landscape.intruder (x int)`],
    ['drop a projection', `DROP TABLE landscape.practice_versions`],
    [
      'issue itself an API key',
      `INSERT INTO access.api_keys (id, name, role, secret_sha256, created_by) VALUES ('key_000000000000', 'x', 'admin', sha256('x'), 'x')`,
    ],
    ['un-revoke an API key', `UPDATE access.api_keys SET revoked_at = NULL`],
  ])('may not %s', async (_what, sql) => {
    await expect(service.query(sql)).rejects.toMatchObject({ code: '42501' });
  });

  it('refuses to start on a schema that is not current, naming npm run cli -- migrate, and runs no DDL', async () => {
    const attempt = openRuntime({ settings: { url: asLogin(fresh.url, login), dataDir: 'memory' } });
    await expect(attempt).rejects.toBeInstanceOf(SchemaNotCurrentError);
    await expect(attempt).rejects.toThrow(/npm run cli -- migrate/);
    const owner = new pg.Client({ connectionString: fresh.url });
    await owner.connect();
    const { rows } = await owner.query(`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname IN ('event_store', 'proof')`);
    await owner.end();
    expect(rows[0].n).toBe(0);
  });
});
