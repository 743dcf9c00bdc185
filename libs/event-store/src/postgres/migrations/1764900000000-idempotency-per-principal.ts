import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys belong to the principal that sent them (SPEC §9): one client's key can neither replay nor block
 * another's. Keys are kept for a limited time (IDEMPOTENCY_TTL_HOURS, 24 by default), found by age for pruning, and a
 * stored answer is only the ids and versions an append produced (its events stay in the log), so its size is bounded.
 * Keys stored before this migration belong to no principal and are never matched again; pruning removes them.
 */
const UP = [
  `ALTER TABLE event_store.idempotency_keys ADD COLUMN principal text NOT NULL DEFAULT ''`,
  `ALTER TABLE event_store.idempotency_keys DROP CONSTRAINT idempotency_keys_pkey`,
  `ALTER TABLE event_store.idempotency_keys ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (principal, key)`,
  `CREATE INDEX idempotency_keys_created_at ON event_store.idempotency_keys (created_at)`,
];

const DOWN = [
  `DROP INDEX event_store.idempotency_keys_created_at`,
  `DELETE FROM event_store.idempotency_keys WHERE principal <> ''`,
  `ALTER TABLE event_store.idempotency_keys DROP CONSTRAINT idempotency_keys_pkey`,
  `ALTER TABLE event_store.idempotency_keys ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (key)`,
  `ALTER TABLE event_store.idempotency_keys DROP COLUMN principal`,
];

export class IdempotencyPerPrincipal1764900000000 implements MigrationInterface {
  readonly name = 'IdempotencyPerPrincipal1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
