import { largestPowerOfTwoBelow, nodeHash, EMPTY_TREE_HASH, type Hash } from './hashing.js';

/**
 * Where proofs get their hashes from: the hash of the complete subtree at (level, index), covering leaves
 * [index·2^level, (index+1)·2^level). Level 0 is the leaf hashes. Synchronous so that the proof algorithms stay pure; a
 * database-backed source first records which nodes a proof needs, fetches them, then runs again (see node-plan.ts).
 */
export interface NodeSource {
  node(level: number, index: number): Hash;
}

/**
 * MTH(D[start:end]) from complete subtrees: an aligned power-of-two range is one node; any other range splits as RFC
 * 9162 does. Only ranges ending at the tree's edge are incomplete, so this costs O(log n) nodes.
 */
export function rangeHash(source: NodeSource, start: number, end: number): Hash {
  const size = end - start;
  if (size === 0) return EMPTY_TREE_HASH;
  const level = Math.log2(size);
  if (Number.isInteger(level) && start % size === 0) return source.node(level, start / size);
  const k = largestPowerOfTwoBelow(size);
  return nodeHash(rangeHash(source, start, start + k), rangeHash(source, start + k, end));
}
