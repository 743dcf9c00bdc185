import type pg from 'pg';
import type { Hash } from '../merkle/index.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

export interface StoredLeaf {
  readonly leafIndex: number;
  readonly eventId: string;
  readonly hash: Hash;
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
