import type pg from 'pg';
import type { LogCursor } from '#event-store';

type Queryable = Pick<pg.ClientBase, 'query'>;

/** Where the notary stands: the tree it has built (size and right edge), the log cursor after its last leaf, the last head. */
export interface NotaryCheckpoint {
  readonly treeSize: number;
  readonly cursor: LogCursor | null;
  /** The compact range's hashes, largest subtree first. */
  readonly frontier: readonly Buffer[];
  readonly signedSize: number;
  /** recordedThrough of the last head signed, so the next one never claims less. */
  readonly signedThrough: string | null;
}

interface CheckpointRow {
  tree_size: string;
  transaction_id: string | null;
  position: string | null;
  frontier: Buffer[];
  signed_size: string;
  signed_through: string | null;
}

export async function readNotaryCheckpoint(db: Queryable): Promise<NotaryCheckpoint> {
  const { rows } = await db.query<CheckpointRow>(
    `SELECT tree_size::text, transaction_id::text, position::text, frontier, signed_size::text, signed_through FROM proof.notary_checkpoint`,
  );
  const row = rows[0];
  return {
    treeSize: Number(row.tree_size),
    cursor: row.transaction_id === null || row.position === null ? null : { transactionId: row.transaction_id, position: row.position },
    frontier: row.frontier,
    signedSize: Number(row.signed_size),
    signedThrough: row.signed_through,
  };
}
