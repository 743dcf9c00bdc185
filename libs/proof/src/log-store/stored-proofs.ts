import type pg from 'pg';
import { consistencyPath, inclusionPath, nodeHash, type Hash, type NodeSource } from '../merkle/index.js';
import { STORED_FROM_LEVEL } from './tree-shape.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

/** Records which nodes a computation asks for (answering with placeholders), so they can be fetched in one go. */
class RecordingSource implements NodeSource {
  readonly wanted = new Map<string, { level: number; index: number }>();
  private static readonly PLACEHOLDER = Buffer.alloc(32);

  node(level: number, index: number): Hash {
    this.wanted.set(`${level}/${index}`, { level, index });
    return RecordingSource.PLACEHOLDER;
  }
}

/** Stored hashes; nodes below the stored levels are hashed up from their leaves. */
class FetchedSource implements NodeSource {
  constructor(
    private readonly leaves: Map<number, Hash>,
    private readonly nodes: Map<string, Hash>,
  ) {}

  node(level: number, index: number): Hash {
    if (level === 0) return this.required(this.leaves.get(index), level, index);
    if (level < STORED_FROM_LEVEL) return nodeHash(this.node(level - 1, 2 * index), this.node(level - 1, 2 * index + 1));
    return this.required(this.nodes.get(`${level}/${index}`), level, index);
  }

  private required(hash: Hash | undefined, level: number, index: number): Hash {
    if (!hash) throw new Error(`the proof tables lack node ${level}/${index}`);
    return hash;
  }
}

/**
 * Runs a proof computation over the stored tree: once to learn the O(log n) nodes it needs, then, after fetching
 * them (and the ≤ 16 leaves under each unstored small node) in two queries, for real.
 */
async function overStoredTree<T>(db: Queryable, compute: (source: NodeSource) => T): Promise<T> {
  const recorder = new RecordingSource();
  compute(recorder);
  const leafIndexes: number[] = [];
  const nodeKeys: { level: number; index: number }[] = [];
  for (const { level, index } of recorder.wanted.values()) {
    if (level >= STORED_FROM_LEVEL) nodeKeys.push({ level, index });
    else for (let i = index * 2 ** level; i < (index + 1) * 2 ** level; i++) leafIndexes.push(i);
  }
  const [leafRows, nodeRows] = await Promise.all([
    db.query<{ leaf_index: string; leaf_hash: Buffer }>(`SELECT leaf_index::text, leaf_hash FROM proof.leaves WHERE leaf_index = ANY($1::bigint[])`, [
      leafIndexes,
    ]),
    db.query<{ level: number; node_index: string; hash: Buffer }>(
      `SELECT n.level, n.node_index::text, n.hash FROM proof.tree_nodes n
         JOIN unnest($1::smallint[], $2::bigint[]) AS k(level, node_index) USING (level, node_index)`,
      [nodeKeys.map((k) => k.level), nodeKeys.map((k) => k.index)],
    ),
  ]);
  const leaves = new Map(leafRows.rows.map((row) => [Number(row.leaf_index), row.leaf_hash]));
  const nodes = new Map(nodeRows.rows.map((row) => [`${row.level}/${row.node_index}`, row.hash]));
  return compute(new FetchedSource(leaves, nodes));
}

export const storedInclusionPath = (db: Queryable, leafIndex: number, treeSize: number): Promise<Hash[]> =>
  overStoredTree(db, (source) => inclusionPath(source, leafIndex, treeSize));

export const storedConsistencyPath = (db: Queryable, from: number, to: number): Promise<Hash[]> =>
  overStoredTree(db, (source) => consistencyPath(source, from, to));
