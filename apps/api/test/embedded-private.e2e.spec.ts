import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEmbeddedCli, startEmbeddedApi, type RunningApi } from '../../../test/support/embedded-processes.js';

/**
 * The embedded default as a user runs it: `npm start`'s API and the CLI as processes of their own on one DATA_DIR
 * (SPEC §7 and §9): the admin key file, private folder and files, one process at a time, a socket no other user can
 * reach, and no secret in any log line or data file.
 */
const DEBUG = { LOG_LEVEL: 'debug' };
const startApi = (dataDir: string) => startEmbeddedApi(dataDir, DEBUG);
const cli = (dataDir: string, ...args: string[]) => runEmbeddedCli(dataDir, args, DEBUG);

const modes = (folder: string): Array<{ path: string; mode: string }> =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    const here = { path, mode: (statSync(path).mode & 0o777).toString(8) };
    return entry.isDirectory() ? [here, ...modes(path)] : entry.isFile() ? [here] : [];
  });

const filesContaining = (folder: string, secret: string): string[] =>
  modes(folder)
    .filter(({ path }) => statSync(path).isFile() && readFileSync(path).includes(secret))
    .map(({ path }) => path);

/** The folders holding a process's database socket (named after its pid). */
const socketFoldersOf = (pid: number) => readdirSync(tmpdir()).filter((name) => name.startsWith(`gp-register-db-${pid}-`));

describe('the embedded database is private to one process (e2e, processes of their own)', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'gp-register-private-')), 'data');
  const logs: string[] = [];
  let adminKey = '';
  let api: RunningApi | null = null;

  afterAll(async () => {
    await api?.stop();
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('writes an admin key on the first start, names its file in the log, and serves requests with it', async () => {
    // A process killed earlier whose pid this one reuses leaves a folder of the same name behind.
    const before = new Set(readdirSync(tmpdir()));
    api = await startApi(dataDir);
    const keyFile = join(dataDir, 'admin.key');
    expect((statSync(keyFile).mode & 0o777).toString(8)).toBe('600');
    adminKey = readFileSync(keyFile, 'utf8').trim();
    expect(adminKey).toMatch(/^gpr_[A-Za-z0-9_-]{43}$/);
    expect(api.output()).toContain(keyFile);

    const auth = { authorization: `Bearer ${adminKey}` };
    expect((await fetch(`${api.base}/landscape/summary`, { headers: auth })).status).toBe(200);
    const write = await fetch(`${api.base}/practices`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ odsCode: 'P10001', name: 'Private Surgery', openedOn: '2010-04-01', commissionerCode: '5E1' }),
    });
    expect(write.status).toBe(201);
    expect((await fetch(`${api.base}/landscape/summary`, { headers: { authorization: `Bearer ${adminKey.slice(0, -2)}xx` } })).status).toBe(401);

    // The database's socket is in a folder of its own, which only this user may enter.
    const created = socketFoldersOf(api.child.pid!).filter((name) => !before.has(name));
    expect(created).toHaveLength(1);
    const socketFolder = join(tmpdir(), created[0]);
    expect((statSync(socketFolder).mode & 0o777).toString(8)).toBe('700');
    if (process.getuid?.() === 0 && existsSync('/usr/bin/psql') && existsSync('/usr/sbin/runuser')) {
      const other = spawnSync(
        '/usr/sbin/runuser',
        ['-u', 'nobody', '--', 'psql', `host=${socketFolder} user=postgres dbname=postgres`, '-c', 'select 1'],
        { encoding: 'utf8' },
      );
      expect(other.status).not.toBe(0);
      expect(other.stderr).toMatch(/Permission denied/);
    }
  }, 120_000);

  it('keeps DATA_DIR private: the folder and its folders 0700, every file 0600', () => {
    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
    const open = modes(dataDir).filter(({ path, mode }) => mode !== (statSync(path).isDirectory() ? '700' : '600'));
    expect(open).toEqual([]);
  });

  it('refuses a second process on the same DATA_DIR, naming the holder, and leaves the first serving', async () => {
    const second = cli(dataDir, 'keys', 'list');
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`in use by process ${api!.child.pid}`);
    expect(second.stderr).toContain('DATABASE_URL');
    expect((await fetch(`${api!.base}/landscape/summary`, { headers: { authorization: `Bearer ${adminKey}` } })).status).toBe(200);
    logs.push(api!.output());
    await api!.stop();
    api = null;
  }, 120_000);

  it('creates, lists and revokes keys with the CLI, never showing or storing a secret after creation', async () => {
    const created = cli(dataDir, 'keys', 'create', '--name', 'jo.bloggs', '--role', 'recorder', '--commissioner', '5E1,00K', '--json');
    expect(created.status).toBe(0);
    const issued = JSON.parse(created.stdout);
    expect(issued).toEqual({
      id: expect.stringMatching(/^key_/),
      name: 'jo.bloggs',
      role: 'recorder',
      key: expect.stringMatching(/^gpr_/),
      commissioners: ['5E1', '00K'],
      expiresOn: null,
    });
    const listed = cli(dataDir, 'keys', 'list', '--json');
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout).map((k: { name: string }) => k.name)).toEqual(['admin', 'jo.bloggs']);
    const human = cli(dataDir, 'keys', 'list');
    for (const output of [listed.stdout, human.stdout, listed.stderr, human.stderr]) {
      expect(output).not.toContain(issued.key.slice(4));
      expect(output).not.toContain(adminKey.slice(4));
    }

    api = await startApi(dataDir);
    expect(api.output()).not.toContain('admin.key'); // keys exist: no new admin key
    const write = await fetch(`${api.base}/practices/P10001/list-size`, {
      method: 'POST',
      headers: { authorization: `Bearer ${issued.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ registeredPatients: 7000, effectiveDate: '2015-01-01' }),
    });
    expect(write.status).toBe(201);
    logs.push(api.output());
    await api.stop();
    api = null;

    expect(cli(dataDir, 'keys', 'revoke', issued.id).status).toBe(0);
    for (const secret of [issued.key, adminKey]) {
      expect(logs.filter((log) => log.includes(secret.slice(4)))).toEqual([]);
      expect(filesContaining(dataDir, secret.slice(4)).filter((path) => !path.endsWith('admin.key'))).toEqual([]);
    }
  }, 240_000);
});
