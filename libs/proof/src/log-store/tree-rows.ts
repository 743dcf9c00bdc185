import type pg from 'pg';
import type { Hash, TreeNode } from '../merkle/index.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

export interface StoredLeaf {
  readonly leafIndex: number;
  readonly eventId: string;
  readonly hash: Hash;
}

// One statement per batch: arrays unnested server-side rather than thousands of VALUES parameters.
export async function insertLeaves(db: Queryable, leaves: readonly StoredLeaf[]): Promise<void> {
  if (leaves.length === 0) return;
  await db.query(`INSERT INTO proof.leaves (leaf_index, event_id, leaf_hash) SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::bytea[])`, [
    leaves.map((leaf) => leaf.leafIndex),
    leaves.map((leaf) => leaf.eventId),
    leaves.map((leaf) => leaf.hash),
  ]);
}

export async function insertNodes(db: Queryable, nodes: readonly TreeNode[]): Promise<void> {
  if (nodes.length === 0) return;
  await db.query(`INSERT INTO proof.tree_nodes (level, node_index, hash) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`, [
    nodes.map((node) => node.level),
    nodes.map((node) => node.index),
    nodes.map((node) => node.hash),
  ]);
}

export async function leafIndexOf(db: Queryable, eventId: string): Promise<number | null> {
  const { rows } = await db.query<{ leaf_index: string }>(`SELECT leaf_index::text FROM proof.leaves WHERE event_id = $1`, [eventId]);
  return rows[0] ? Number(rows[0].leaf_index) : null;
}

/** Stored leaves in [from, to), in order. */
export async function readLeaves(db: Queryable, from: number, to: number): Promise<StoredLeaf[]> {
  const { rows } = await db.query<{ leaf_index: string; event_id: string; leaf_hash: Buffer }>(
    `SELECT leaf_index::text, event_id::text, leaf_hash FROM proof.leaves l WHERE l.leaf_index >= $1 AND l.leaf_index < $2 ORDER BY l.leaf_index`,
    [from, to],
  );
  return rows.map((row) => ({ leafIndex: Number(row.leaf_index), eventId: row.event_id, hash: row.leaf_hash }));
}
