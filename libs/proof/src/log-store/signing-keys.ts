import type pg from 'pg';

type Queryable = Pick<pg.ClientBase, 'query'>;

export interface PublicKeyRecord {
  readonly keyId: string;
  readonly algorithm: 'Ed25519';
  readonly publicKeyPem: string;
}

/** Published for GET /log/public-key only: verify-log never takes a key from the database. */
export async function publishPublicKey(db: Queryable, key: PublicKeyRecord): Promise<void> {
  await db.query(`INSERT INTO proof.signing_keys (key_id, algorithm, public_key_pem) VALUES ($1, $2, $3) ON CONFLICT (key_id) DO NOTHING`, [
    key.keyId,
    key.algorithm,
    key.publicKeyPem,
  ]);
}

export async function findPublicKey(db: Queryable, keyId: string): Promise<PublicKeyRecord | null> {
  const { rows } = await db.query<{ key_id: string; public_key_pem: string }>(
    `SELECT key_id, public_key_pem FROM proof.signing_keys WHERE key_id = $1`,
    [keyId],
  );
  return rows[0] ? { keyId: rows[0].key_id, algorithm: 'Ed25519', publicKeyPem: rows[0].public_key_pem } : null;
}
