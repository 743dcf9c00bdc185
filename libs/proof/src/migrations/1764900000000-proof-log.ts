import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Merkle tree over the event log (SPEC §8), in its own schema: leaf hashes in log order, the hashes of complete
 * subtrees of 16 leaves and more (smaller ones are recomputed from at most 16 leaves when a proof needs them, which
 * saves a row per leaf), signed tree heads with the public keys that signed them, and the notary's checkpoint (tree
 * size, log cursor and the tree's right edge), moved by compare-and-set in the same transaction as the rows it covers.
 */
export class ProofLog1764900000000 implements MigrationInterface {
  readonly name = 'ProofLog1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA proof CASCADE');
  }
}

const UP = [
  `CREATE SCHEMA IF NOT EXISTS proof`,

  `CREATE TABLE proof.leaves (
    leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
    event_id uuid NOT NULL UNIQUE,
    leaf_hash bytea NOT NULL CHECK (length(leaf_hash) = 32)
  )`,

  `CREATE TABLE proof.tree_nodes (
    level smallint NOT NULL CHECK (level >= 1),
    node_index bigint NOT NULL CHECK (node_index >= 0),
    hash bytea NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (level, node_index)
  )`,

  `CREATE TABLE proof.signing_keys (
    key_id text PRIMARY KEY,
    algorithm text NOT NULL,
    public_key_pem text NOT NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now()
  )`,

  // timestamp and recorded_through are kept as the exact text that was signed.
  `CREATE TABLE proof.tree_heads (
    tree_size bigint PRIMARY KEY CHECK (tree_size > 0),
    root_hash bytea NOT NULL CHECK (length(root_hash) = 32),
    signed_at text NOT NULL,
    recorded_through text NOT NULL,
    key_id text NOT NULL REFERENCES proof.signing_keys (key_id),
    signature bytea NOT NULL
  )`,

  `CREATE TABLE proof.notary_checkpoint (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    tree_size bigint NOT NULL,
    transaction_id bigint,
    position bigint,
    frontier bytea[] NOT NULL,
    signed_size bigint NOT NULL,
    signed_through text,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,

  `INSERT INTO proof.notary_checkpoint (tree_size, frontier, signed_size) VALUES (0, '{}', 0)`,
];
