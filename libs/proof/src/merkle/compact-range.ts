import { nodeHash, EMPTY_TREE_HASH, type Hash } from './hashing.js';

/** A complete subtree's hash, as stored: level 0 is a leaf. */
export interface TreeNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Hash;
}

/**
 * The right edge of a growing tree: one complete subtree per set bit of its size, largest first. Appending a leaf
 * costs O(log n) hashes amortised O(1), and the root costs O(log n), so the notary never re-hashes the log.
 */
export class CompactRange {
  private readonly frontier: Hash[];

  constructor(
    private treeSize = 0,
    frontier: readonly Hash[] = [],
  ) {
    if (frontier.length !== popCount(treeSize))
      throw new Error(`a tree of ${treeSize} leaves has ${popCount(treeSize)} frontier nodes, not ${frontier.length}`);
    this.frontier = [...frontier];
  }

  get size(): number {
    return this.treeSize;
  }

  /** The frontier, largest subtree first (what a checkpoint stores to resume from). */
  get hashes(): readonly Hash[] {
    return this.frontier;
  }

  /** Appends a leaf hash; `completed` receives every interior node the leaf completes (level ≥ 1). */
  append(leaf: Hash, completed?: (node: TreeNode) => void): void {
    let hash = leaf;
    let level = 0;
    const end = this.treeSize + 1;
    // Each trailing set bit of the old size is a subtree the new leaf's subtree merges with.
    for (let size = this.treeSize; size % 2 === 1; size = Math.floor(size / 2)) {
      hash = nodeHash(this.frontier.pop()!, hash);
      level += 1;
      completed?.({ level, index: end / 2 ** level - 1, hash });
    }
    this.frontier.push(hash);
    this.treeSize = end;
  }

  /** MTH of the leaves so far: the frontier folded from the smallest subtree up. */
  root(): Hash {
    if (this.frontier.length === 0) return EMPTY_TREE_HASH;
    let root = this.frontier[this.frontier.length - 1];
    for (let i = this.frontier.length - 2; i >= 0; i--) root = nodeHash(this.frontier[i], root);
    return root;
  }
}

function popCount(n: number): number {
  let count = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) count += x % 2;
  return count;
}
