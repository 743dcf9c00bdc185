import { largestPowerOfTwoBelow, type Hash } from './hashing.js';
import { rangeHash, type NodeSource } from './node-source.js';

/** RFC 9162 §2.1.3.1 PATH(m, D[n]): the audit path of leaf m in the tree of the first n leaves, bottom first. */
export function inclusionPath(source: NodeSource, leafIndex: number, treeSize: number): Hash[] {
  if (!(leafIndex >= 0 && leafIndex < treeSize)) throw new RangeError(`leaf ${leafIndex} is not in a tree of size ${treeSize}`);
  return path(source, leafIndex, 0, treeSize);
}

function path(source: NodeSource, m: number, start: number, end: number): Hash[] {
  const n = end - start;
  if (n === 1) return [];
  const k = largestPowerOfTwoBelow(n);
  return m < k
    ? [...path(source, m, start, start + k), rangeHash(source, start + k, end)]
    : [...path(source, m - k, start + k, end), rangeHash(source, start, start + k)];
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]): shows the tree of m leaves is a prefix of the tree of n. Empty when m is 0 or n. */
export function consistencyPath(source: NodeSource, from: number, to: number): Hash[] {
  if (!(from >= 0 && from <= to)) throw new RangeError(`no consistency proof from ${from} to ${to}`);
  if (from === 0 || from === to) return [];
  return subproof(source, from, 0, to, true);
}

function subproof(source: NodeSource, m: number, start: number, end: number, wholeOldTree: boolean): Hash[] {
  const n = end - start;
  if (m === n) return wholeOldTree ? [] : [rangeHash(source, start, end)];
  const k = largestPowerOfTwoBelow(n);
  return m <= k
    ? [...subproof(source, m, start, start + k, wholeOldTree), rangeHash(source, start + k, end)]
    : [...subproof(source, m - k, start + k, end, false), rangeHash(source, start, start + k)];
}
