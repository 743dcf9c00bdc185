import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { InMemoryTree } from '../src/merkle/index.js';
import { eventLeafHash } from '../src/log-store/leaf-data.js';
import { readNotaryCheckpoint } from '../src/log-store/notary-checkpoint.js';
import { publishPublicKey } from '../src/log-store/signing-keys.js';
import { treeHeadsAfter } from '../src/log-store/tree-heads.js';
import { readLeaves } from '../src/log-store/tree-rows.js';
import { verifyLog } from '../src/verify/verify-log.js';
import { openProofFixture, type ProofFixture } from './support/proof-fixture.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Starts the notary child process; `steps` resolves once it has printed that many committed steps. */
function startNotary(
  f: ProofFixture,
  untilSigned?: number,
): { child: ChildProcess; steps: (n: number) => Promise<void>; exited: Promise<number | null> } {
  const until = untilSigned === undefined ? {} : { UNTIL_SIGNED: String(untilSigned) };
  const child = spawn(process.execPath, ['--import', here('../../../test/support/ts-register.mjs'), here('./support/notary-child.ts')], {
    env: { ...process.env, DATABASE_URL: f.server.url, LOG_SIGNING_KEY_FILE: f.key.path, BATCH_SIZE: '25', NODE_OPTIONS: '', ...until },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    printed += chunk
      .toString()
      .split('\n')
      .filter((line) => line.startsWith('step')).length;
    for (const waiter of waiters.filter((w) => printed >= w.n)) waiter.resolve();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, steps: (n) => new Promise<void>((resolve) => waiters.push({ n, resolve })) };
}

describe('notary killed with SIGKILL in the middle of its work (PostgreSQL server)', () => {
  let f: ProofFixture;

  beforeAll(async () => {
    f = await openProofFixture();
    await publishPublicKey(f.runtime.database.pool, { keyId: f.key.keyId, algorithm: 'Ed25519', publicKeyPem: f.key.publicKeyPem });
  }, 60_000);
  afterAll(async () => {
    await f?.close();
  });

  it('resumes from its checkpoint and signs exactly the tree of the log, head after head', async () => {
    await f.appendPractices(60, 6);
    expect(await startNotary(f, f.appended).exited).toBe(0);

    await f.appendPractices(100, 6);
    let treeSize = (await readNotaryCheckpoint(f.runtime.database.pool)).treeSize;
    for (let kill = 0; kill < 3; kill++) {
      const notary = startNotary(f);
      await notary.steps(3 + kill * 2);
      notary.child.kill('SIGKILL');
      await notary.exited;
      const checkpoint = await readNotaryCheckpoint(f.runtime.database.pool);
      expect(checkpoint.treeSize).toBeGreaterThan(treeSize);
      treeSize = checkpoint.treeSize;
    }
    expect(treeSize).toBeLessThan(f.appended);
    expect(await startNotary(f, f.appended).exited).toBe(0);

    const events = (await f.runtime.eventStore.readAll(null, 100_000)).events;
    const tree = new InMemoryTree(events.map(eventLeafHash));
    const heads = await treeHeadsAfter(f.runtime.database.pool, 0, 1000);
    expect(heads.map((head) => head.treeSize)).toEqual([360, f.appended]);
    for (const head of heads) expect(head.rootHash).toBe(tree.root(head.treeSize).toString('base64'));
    const leaves = await readLeaves(f.runtime.database.pool, 0, f.appended + 1);
    expect(leaves.map((leaf) => leaf.eventId)).toEqual(events.map((event) => event.eventId));
    expect((await verifyLog(f.runtime.eventStore, f.runtime.database.pool, { publicKeys: [f.key.publicKey] })).ok).toBe(true);
  }, 180_000);
});
