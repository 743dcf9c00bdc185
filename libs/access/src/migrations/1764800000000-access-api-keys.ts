import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys (SPEC §7): the secret is never stored, only its SHA-256. A revoked key keeps its row, so `keys list` and an
 * audit of who recorded what can still name it.
 */
export class AccessApiKeys1764800000000 implements MigrationInterface {
  readonly name = 'AccessApiKeys1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS access`);
    await queryRunner.query(`
      CREATE TABLE access.api_keys (
        id text PRIMARY KEY CHECK (id ~ '^key_[0-9a-f]{12}$'),
        name text NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$'),
        role text NOT NULL CHECK (role IN ('reader', 'auditor', 'recorder', 'admin')),
        commissioners text[] CHECK (commissioners IS NULL OR cardinality(commissioners) > 0),
        expires_on date,
        secret_sha256 bytea NOT NULL UNIQUE CHECK (octet_length(secret_sha256) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        revoked_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA access CASCADE`);
  }
}
