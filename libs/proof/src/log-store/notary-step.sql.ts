import type pg from 'pg';
import type { TreeNode } from '../merkle/index.js';
import type { NotaryCheckpoint } from './notary-checkpoint.js';
import type { SignedTreeHead } from './tree-heads.js';
import type { StoredLeaf } from './tree-rows.js';

/**
 * A notary step's writes as ONE statement: the checkpoint compared and moved, and only if it moved, the leaves, nodes
 * and head inserted. One round trip, so the step's transaction id is in flight for the shortest time: while it is,
 * every reader of the log (the projector above all) is held back at it (see event-store read-all.sql.ts).
 */
const STEP_SQL = `
WITH moved AS (
  UPDATE proof.notary_checkpoint
     SET tree_size = $1, transaction_id = $2, position = $3, frontier = $4::bytea[], signed_size = $5, signed_through = $6,
         updated_at = now()
   WHERE tree_size = $7 AND signed_size = $8
  RETURNING 1
),
leaves AS (
  INSERT INTO proof.leaves (leaf_index, event_id, leaf_hash)
  SELECT * FROM unnest($9::bigint[], $10::uuid[], $11::bytea[]) WHERE EXISTS (SELECT FROM moved)
),
nodes AS (
  INSERT INTO proof.tree_nodes (level, node_index, hash)
  SELECT * FROM unnest($12::smallint[], $13::bigint[], $14::bytea[]) WHERE EXISTS (SELECT FROM moved)
),
head AS (
  INSERT INTO proof.tree_heads (tree_size, root_hash, signed_at, recorded_through, key_id, signature)
  SELECT $15::bigint, $16::bytea, $17::text, $18::text, $19::text, $20::bytea WHERE $15::bigint IS NOT NULL AND EXISTS (SELECT FROM moved)
)
SELECT count(*)::int AS moved FROM moved`;

/** True when the checkpoint was still `expected` and everything was written; false when another notary got there first. */
export async function writeNotaryStep(
  db: Pick<pg.ClientBase, 'query'>,
  expected: NotaryCheckpoint,
  next: NotaryCheckpoint,
  leaves: readonly StoredLeaf[],
  nodes: readonly TreeNode[],
  head: SignedTreeHead | null,
): Promise<boolean> {
  const { rows } = await db.query<{ moved: number }>(STEP_SQL, [
    next.treeSize,
    next.cursor?.transactionId ?? null,
    next.cursor?.position ?? null,
    next.frontier,
    next.signedSize,
    next.signedThrough,
    expected.treeSize,
    expected.signedSize,
    leaves.map((leaf) => leaf.leafIndex),
    leaves.map((leaf) => leaf.eventId),
    leaves.map((leaf) => leaf.hash),
    nodes.map((node) => node.level),
    nodes.map((node) => node.index),
    nodes.map((node) => node.hash),
    head?.treeSize ?? null,
    head ? Buffer.from(head.rootHash, 'base64') : null,
    head?.timestamp ?? null,
    head?.recordedThrough ?? null,
    head?.keyId ?? null,
    head ? Buffer.from(head.signature, 'base64') : null,
  ]);
  return rows[0].moved === 1;
}
