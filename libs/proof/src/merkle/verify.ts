import { nodeHash, type Hash } from './hashing.js';

// Halving with arithmetic rather than bit operators: tree sizes may pass 2^31, where JavaScript's >> wraps.
const half = (x: number) => Math.floor(x / 2);
const odd = (x: number) => x % 2 === 1;

/** RFC 9162 §2.1.3.2: the root an inclusion proof leads to, or null when the proof's length cannot fit the tree. */
export function rootFromInclusionProof(leafIndex: number, treeSize: number, leaf: Hash, auditPath: readonly Uint8Array[]): Hash | null {
  if (!(leafIndex >= 0 && leafIndex < treeSize)) return null;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of auditPath) {
    if (sn === 0) return null;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
}

export function verifyInclusion(leafIndex: number, treeSize: number, leaf: Hash, auditPath: readonly Uint8Array[], root: Uint8Array): boolean {
  const computed = rootFromInclusionProof(leafIndex, treeSize, leaf, auditPath);
  return computed !== null && computed.equals(root);
}

/** RFC 9162 §2.1.4.2: true when `path` proves the tree of `from` leaves (oldRoot) is a prefix of the tree of `to` (newRoot). */
export function verifyConsistency(from: number, to: number, oldRoot: Uint8Array, newRoot: Uint8Array, path: readonly Uint8Array[]): boolean {
  if (!(from >= 0 && from <= to)) return false;
  if (from === to) return path.length === 0 && Buffer.compare(oldRoot, newRoot) === 0;
  if (from === 0) return path.length === 0;
  if (path.length === 0) return false;
  const nodes = Number.isInteger(Math.log2(from)) ? [oldRoot, ...path] : [...path];
  let fn = from - 1;
  let sn = to - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Hash = Buffer.from(nodes[0]);
  let sr: Hash = Buffer.from(nodes[0]);
  for (const c of nodes.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}
