import { jest } from '@jest/globals';
import { consistencyPath, inclusionPath, InMemoryTree, verifyConsistency, verifyInclusion } from '../src/merkle/index.js';
import { Notary } from '../src/notary/notary.js';
import { storedConsistencyPath, storedInclusionPath } from '../src/log-store/stored-proofs.js';
import { treeHeadsAfter } from '../src/log-store/tree-heads.js';
import { readLeaves } from '../src/log-store/tree-rows.js';
import { eventLeafHash } from '../src/log-store/leaf-data.js';
import { verifyLog } from '../src/verify/verify-log.js';
import { verifyLogCommand } from '../../../apps/cli/src/commands/verify-log.command.js';
import { openProofFixture, type ProofFixture } from './support/proof-fixture.js';
import { SeededRandom, below } from '../../../test/support/seeded-random.js';

describe('the stored tree (PostgreSQL server)', () => {
  let f: ProofFixture;
  let tree: InMemoryTree;

  beforeAll(async () => {
    f = await openProofFixture({ batchSize: 37 });
    // A second notary stepping at the same time: the compare-and-set lets one of them write each step.
    const rival = new Notary(f.runtime.eventStore, f.runtime.database.pool, f.key, { batchSize: 23, headIntervalMs: 0 });
    for (const [practices, events] of [
      [10, 7],
      [30, 5],
      [25, 6],
    ]) {
      await f.appendPractices(practices, events);
      await Promise.all([
        f.signAll(),
        (async () => {
          for (let i = 0; i < 8; i++) await rival.step();
        })(),
      ]);
      await f.signAll();
    }
    const events = (await f.runtime.eventStore.readAll(null, 10_000)).events;
    tree = new InMemoryTree(events.map(eventLeafHash));
  }, 240_000);
  afterAll(async () => {
    await f?.close();
  });

  it('holds the leaves of the log in /feed order, whichever notary wrote each step', async () => {
    const stored = await readLeaves(f.runtime.database.pool, 0, f.appended + 1);
    expect(stored.map((leaf) => leaf.leafIndex)).toEqual([...Array(f.appended).keys()]);
    expect(stored.every((leaf, i) => leaf.hash.equals(tree.node(0, i)))).toBe(true);
    expect((await verifyLog(f.runtime.eventStore, f.runtime.database.pool, { publicKeys: [f.key.publicKey] })).ok).toBe(true);
  });

  it('serves from stored nodes exactly the proofs the whole tree gives, and they verify against the signed roots', async () => {
    const heads = await treeHeadsAfter(f.runtime.database.pool, 0, 1000);
    expect(heads.length).toBeGreaterThanOrEqual(3);
    const random = new SeededRandom(2026);
    for (const head of heads) {
      const root = Buffer.from(head.rootHash, 'base64');
      expect(tree.root(head.treeSize).equals(root)).toBe(true);
      for (let trial = 0; trial < 20; trial++) {
        const leaf = below(random, head.treeSize);
        const path = await storedInclusionPath(f.runtime.database.pool, leaf, head.treeSize);
        expect(path).toEqual(inclusionPath(tree, leaf, head.treeSize));
        expect(verifyInclusion(leaf, head.treeSize, tree.node(0, leaf), path, root)).toBe(true);
      }
      for (const earlier of heads.filter((h) => h.treeSize <= head.treeSize)) {
        const path = await storedConsistencyPath(f.runtime.database.pool, earlier.treeSize, head.treeSize);
        expect(path).toEqual(consistencyPath(tree, earlier.treeSize, head.treeSize));
        expect(verifyConsistency(earlier.treeSize, head.treeSize, Buffer.from(earlier.rootHash, 'base64'), root, path)).toBe(true);
      }
    }
  });

  it('npm run cli -- verify-log --json prints one report and exits 0 on the untouched log', async () => {
    const saved = process.env.DATABASE_URL;
    const written: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    process.env.DATABASE_URL = f.server.url;
    try {
      await verifyLogCommand().exitOverride().parseAsync(['--json', '--public-key', f.key.path], { from: 'user' });
    } finally {
      write.mockRestore();
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
    expect(process.exitCode ?? 0).toBe(0);
    expect(JSON.parse(written.join(''))).toMatchObject({ ok: true, events: f.appended, signedTreeSize: f.appended });
  });
});
