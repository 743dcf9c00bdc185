import pg from 'pg';
import { openRuntime, type Runtime } from '#runtime';
import { eventually } from '../../../test/support/eventually.js';
import { createServerDatabase, type ServerDatabase } from '../../../test/support/server-database.js';
import { ApiKeyCache } from '../src/api-keys/api-key-cache.js';
import { ApiKeyRegistry } from '../src/api-keys/api-key-registry.js';

/** Two API instances on one PostgreSQL server, each with its own key cache, as deployed behind a load balancer. */
describe('API keys across instances (PostgreSQL server)', () => {
  let server: ServerDatabase;
  let runtime: Runtime;
  let otherPool: pg.Pool;
  let here: ApiKeyCache;
  let elsewhere: ApiKeyCache;
  let registry: ApiKeyRegistry;

  beforeAll(async () => {
    server = await createServerDatabase();
    runtime = await openRuntime({ settings: { url: server.url, dataDir: 'unused' }, applicationName: 'access-test' });
    otherPool = new pg.Pool({ connectionString: server.url, max: 2 });
    registry = new ApiKeyRegistry(runtime.database.pool);
    here = new ApiKeyCache(registry, runtime.database.pool);
    elsewhere = new ApiKeyCache(new ApiKeyRegistry(otherPool), otherPool);
    await Promise.all([here.start(), elsewhere.start()]);
  });
  afterAll(async () => {
    await Promise.all([here?.stop(), elsewhere?.stop()]);
    await otherPool?.end();
    await runtime?.close();
    await server?.drop();
  });

  it('stores only the hash: the secret is nowhere in the key table', async () => {
    const issued = await registry.create({ name: 'auditor-jo', role: 'auditor', createdBy: 'cli:test' });
    const { rows } = await runtime.database.pool.query('SELECT row_to_json(k)::text AS row FROM access.api_keys k');
    expect(rows.map((r) => r.row).join('\n')).not.toContain(issued.key.slice(4));
    expect(JSON.stringify(await registry.list())).not.toContain(issued.key.slice(4));
  });

  it('knows a key made on another instance at once, and refuses it within 5 s of its revocation there', async () => {
    const issued = await registry.create({ name: 'recorder-sam', role: 'recorder', commissioners: ['5E1'], createdBy: 'cli:test' });
    expect(await elsewhere.principalFor(issued.key)).toEqual({ name: 'recorder-sam', role: 'recorder', commissioners: ['5E1'], via: 'api-key' });
    await registry.revoke(issued.id);
    const afterRevocation = await eventually(
      () => elsewhere.principalFor(issued.key),
      (principal) => principal === null,
      5_000,
    );
    expect(afterRevocation).toBeNull();
  });

  it('refuses a key from the start of its expiry day', async () => {
    const issued = await registry.create({ name: 'temp-reader', role: 'reader', expiresOn: '2030-06-01', createdBy: 'cli:test' });
    expect(await here.principalFor(issued.key, new Date('2030-05-31T23:59:59Z'))).not.toBeNull();
    expect(await here.principalFor(issued.key, new Date('2030-06-01T00:00:00Z'))).toBeNull();
  });

  it('refuses bad key fields before touching the table', async () => {
    await expect(registry.create({ name: 'x', role: 'reader', commissioners: ['5E1'], createdBy: 't' })).rejects.toThrow(/only a recorder key/);
    await expect(registry.create({ name: 'bad name!', role: 'reader', createdBy: 't' })).rejects.toThrow(/name must be/);
    await expect(registry.create({ name: 'y', role: 'recorder', commissioners: ['nope'], createdBy: 't' })).rejects.toThrow(
      /not a commissioner code/,
    );
  });
});
