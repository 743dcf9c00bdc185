import { leafHash, nodeHash, type Hash } from './hashing.js';
import { rangeHash, type NodeSource } from './node-source.js';

/** Every complete subtree of a list of leaves, computed on demand and remembered: for tests and small logs. */
export class InMemoryTree implements NodeSource {
  private readonly cache = new Map<string, Hash>();

  constructor(private readonly leaves: readonly Hash[]) {}

  static ofData(data: readonly Uint8Array[]): InMemoryTree {
    return new InMemoryTree(data.map(leafHash));
  }

  get size(): number {
    return this.leaves.length;
  }

  node(level: number, index: number): Hash {
    if (level === 0) return this.leaves[index];
    const key = `${level}/${index}`;
    let hash = this.cache.get(key);
    if (!hash) {
      hash = nodeHash(this.node(level - 1, 2 * index), this.node(level - 1, 2 * index + 1));
      this.cache.set(key, hash);
    }
    return hash;
  }

  root(treeSize = this.leaves.length): Hash {
    return rangeHash(this, 0, treeSize);
  }
}
