import type pg from 'pg';

type Queryable = Pick<pg.ClientBase, 'query'>;

/** What a head signs (SPEC §8), signed as the RFC 8785 canonical JSON of exactly these four fields. */
export interface TreeHeadContent {
  readonly treeSize: number;
  /** base64 */
  readonly rootHash: string;
  readonly timestamp: string;
  readonly recordedThrough: string;
}

export interface SignedTreeHead extends TreeHeadContent {
  readonly keyId: string;
  /** base64 Ed25519 signature */
  readonly signature: string;
}

interface HeadRow {
  tree_size: string;
  root_hash: Buffer;
  signed_at: string;
  recorded_through: string;
  key_id: string;
  signature: Buffer;
}

// Aliased text columns would shadow the table's in ORDER BY (sorting sizes as text): queries order by h.tree_size.
const COLUMNS = `tree_size::text, root_hash, signed_at, recorded_through, key_id, signature`;

const toHead = (row: HeadRow): SignedTreeHead => ({
  treeSize: Number(row.tree_size),
  rootHash: row.root_hash.toString('base64'),
  timestamp: row.signed_at,
  recordedThrough: row.recorded_through,
  keyId: row.key_id,
  signature: row.signature.toString('base64'),
});

export async function latestTreeHead(db: Queryable): Promise<SignedTreeHead | null> {
  const { rows } = await db.query<HeadRow>(`SELECT ${COLUMNS} FROM proof.tree_heads h ORDER BY h.tree_size DESC LIMIT 1`);
  return rows[0] ? toHead(rows[0]) : null;
}

export async function treeHeadOfSize(db: Queryable, treeSize: number): Promise<SignedTreeHead | null> {
  const { rows } = await db.query<HeadRow>(`SELECT ${COLUMNS} FROM proof.tree_heads WHERE tree_size = $1`, [treeSize]);
  return rows[0] ? toHead(rows[0]) : null;
}

/** Heads with a tree larger than `after`, oldest first. */
export async function treeHeadsAfter(db: Queryable, after: number, limit: number): Promise<SignedTreeHead[]> {
  const { rows } = await db.query<HeadRow>(`SELECT ${COLUMNS} FROM proof.tree_heads h WHERE h.tree_size > $1 ORDER BY h.tree_size LIMIT $2`, [
    after,
    limit,
  ]);
  return rows.map(toHead);
}
