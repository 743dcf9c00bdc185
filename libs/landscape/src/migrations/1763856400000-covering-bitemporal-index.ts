import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The statements of `up`, frozen here so that this migration means the same whatever the live code becomes. */
const UP: readonly string[] = [
  `DROP INDEX IF EXISTS landscape.practice_versions_bitemporal`,
  `CREATE INDEX practice_versions_bitemporal ON landscape.practice_versions USING gist (valid_point, recorded_point) INCLUDE (status, commissioner_code, contract_type, holder_kind, provider_kind, provider_id, trust_code, pcn_code, federations, partner_count, salaried_count, registered_patients, single_handed, without_partners)`,
];

/** The statements of `down`. */
const DOWN: readonly string[] = [
  `DROP INDEX IF EXISTS landscape.practice_versions_bitemporal`,
  `CREATE INDEX practice_versions_bitemporal ON landscape.practice_versions USING gist (valid, recorded)`,
];

/** The bitemporal index carries the summary's columns, so whole-landscape reads no longer visit the wide rows. */
export class CoveringBitemporalIndex1763856400000 implements MigrationInterface {
  name = 'CoveringBitemporalIndex1763856400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DOWN) await queryRunner.query(sql);
  }
}
