import { createHash } from 'node:crypto';
import { CompactRange, consistencyPath, inclusionPath, InMemoryTree, leafHash, verifyConsistency, verifyInclusion } from '../src/merkle/index.js';
import { SeededRandom, below } from '../../../test/support/seeded-random.js';

/**
 * An independent verifier, written from RFC 9162's recursive definitions (PATH and SUBPROOF) rather than its
 * iterative verification algorithm, so a shared misreading of the RFC would not pass both.
 */
const H = (...parts: Uint8Array[]) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();
const node = (left: Uint8Array, right: Uint8Array) => H(Buffer.from([1]), left, right);
const split = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);

function rootFromPath(m: number, n: number, leaf: Buffer, path: readonly Buffer[]): Buffer | null {
  if (n === 1) return path.length === 0 ? leaf : null;
  if (path.length === 0) return null;
  const k = split(n);
  const last = path[path.length - 1];
  const rest = path.slice(0, -1);
  const below = m < k ? rootFromPath(m, k, leaf, rest) : rootFromPath(m - k, n - k, leaf, rest);
  if (below === null) return null;
  return m < k ? node(below, last) : node(last, below);
}

function rootsFromSubproof(m: number, n: number, path: readonly Buffer[], oldRoot: Buffer, whole: boolean): { old: Buffer; new: Buffer } | null {
  if (m === n) {
    if (whole) return path.length === 0 ? { old: oldRoot, new: oldRoot } : null;
    return path.length === 1 ? { old: path[0], new: path[0] } : null;
  }
  if (path.length === 0) return null;
  const k = split(n);
  const last = path[path.length - 1];
  const rest = path.slice(0, -1);
  if (m <= k) {
    const below = rootsFromSubproof(m, k, rest, oldRoot, whole);
    return below && { old: below.old, new: node(below.new, last) };
  }
  const below = rootsFromSubproof(m - k, n - k, rest, oldRoot, false);
  return below && { old: node(last, below.old), new: node(last, below.new) };
}

const consistent = (m: number, n: number, oldRoot: Buffer, newRoot: Buffer, path: readonly Buffer[]) => {
  const roots = rootsFromSubproof(m, n, path, oldRoot, true);
  return roots !== null && roots.old.equals(oldRoot) && roots.new.equals(newRoot);
};

/** The same hashes with one byte changed, somewhere in one of them. */
function flipOneByte(hashes: readonly Buffer[], random: SeededRandom): Buffer[] {
  const copy = hashes.map((hash) => Buffer.from(hash));
  const target = copy[below(random, copy.length)];
  target[below(random, target.length)] ^= 1 + below(random, 255);
  return copy;
}

describe('Merkle proofs for random sizes (seeded; the seed is in the test name)', () => {
  const SEED = 14_2026;
  const random = new SeededRandom(SEED);
  const leaves = Array.from({ length: 300 }, (_, i) => leafHash(Buffer.from(`event ${i} ${random.next()}`)));
  const tree = new InMemoryTree(leaves);

  it(`every inclusion proof verifies with both verifiers, and no longer after any one byte changes (seed ${SEED})`, () => {
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + below(random, leaves.length);
      const m = below(random, n);
      const root = tree.root(n);
      const proof = inclusionPath(tree, m, n);
      expect(rootFromPath(m, n, leaves[m], proof)?.equals(root)).toBe(true);
      expect(verifyInclusion(m, n, leaves[m], proof, root)).toBe(true);

      const [badLeaf] = flipOneByte([leaves[m]], random);
      const [badRoot] = flipOneByte([root], random);
      expect(verifyInclusion(m, n, badLeaf, proof, root)).toBe(false);
      expect(verifyInclusion(m, n, leaves[m], proof, badRoot)).toBe(false);
      expect(rootFromPath(m, n, badLeaf, proof)?.equals(root) ?? false).toBe(false);
      if (proof.length > 0) {
        const badProof = flipOneByte(proof, random);
        expect(verifyInclusion(m, n, leaves[m], badProof, root)).toBe(false);
        expect(rootFromPath(m, n, leaves[m], badProof)?.equals(root) ?? false).toBe(false);
      }
    }
  });

  it(`every consistency proof verifies with both verifiers, and no longer after any one byte changes (seed ${SEED})`, () => {
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + below(random, leaves.length);
      const m = 1 + below(random, n);
      const [oldRoot, newRoot] = [tree.root(m), tree.root(n)];
      const proof = consistencyPath(tree, m, n);
      expect(verifyConsistency(m, n, oldRoot, newRoot, proof)).toBe(true);
      if (m === n) continue;
      expect(consistent(m, n, oldRoot, newRoot, proof)).toBe(true);

      const [badOld] = flipOneByte([oldRoot], random);
      const [badNew] = flipOneByte([newRoot], random);
      const badProof = flipOneByte(proof, random);
      for (const [o, r, p] of [
        [badOld, newRoot, proof],
        [oldRoot, badNew, proof],
        [oldRoot, newRoot, badProof],
      ] as const) {
        expect(verifyConsistency(m, n, o, r, p)).toBe(false);
        expect(consistent(m, n, o, r, p)).toBe(false);
      }
    }
  });

  it('grows leaf by leaf to the same root and the same interior nodes as the whole tree', () => {
    const range = new CompactRange();
    const completed: string[] = [];
    for (const [i, leaf] of leaves.entries()) {
      range.append(leaf, (done) => {
        expect(done.hash.equals(tree.node(done.level, done.index))).toBe(true);
        completed.push(`${done.level}/${done.index}`);
      });
      if (i % 17 === 0) expect(range.root().equals(tree.root(i + 1))).toBe(true);
      // Resuming from a stored frontier gives the same tree.
      if (i === 150) expect(new CompactRange(range.size, range.hashes).root().equals(tree.root(151))).toBe(true);
    }
    expect(range.root().equals(tree.root())).toBe(true);
    // A forest of complete subtrees: one fewer interior node than leaves per subtree of the frontier.
    expect(new Set(completed).size).toBe(leaves.length - range.hashes.length);
  });
});
