import type pg from 'pg';
import { createPracticeVersionsTableSql, PRACTICE_VERSIONS_SHADOW_TABLE, PRACTICE_VERSIONS_TABLE } from '../src/schema/practice-versions.ddl.js';
import { openLandscapeFixture, type LandscapeFixture } from './support/landscape-fixture.js';

/** A table's columns, indexes and constraints, with its own name written as `T` so two tables can be compared. */
async function tableShape(pool: pg.Pool, table: string) {
  const named = (text: string) => text.replaceAll(table, 'T');
  const columns = await pool.query(
    `SELECT column_name, data_type, is_nullable, column_default, is_identity, is_generated, generation_expression
       FROM information_schema.columns WHERE table_schema = 'landscape' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  const indexes = await pool.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'landscape' AND tablename = $1`, [
    table,
  ]);
  const constraints = await pool.query<{ conname: string; definition: string }>(
    `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass`,
    [`landscape.${table}`],
  );
  return {
    columns: columns.rows,
    indexes: indexes.rows.map((row) => named(row.indexdef)).sort(),
    constraints: constraints.rows.map((row) => `${named(row.conname)}: ${row.definition}`).sort(),
  };
}

/**
 * Migrations are frozen SQL and the rebuild builds its shadow table from the live DDL: this is where they would drift.
 * A change to practice-versions.ddl.ts needs a migration that makes a migrated database the same.
 */
describe('the migrated schema and the live DDL agree (PostgreSQL server)', () => {
  let fixture: LandscapeFixture;

  beforeAll(async () => {
    fixture = await openLandscapeFixture(2);
  });
  afterAll(async () => fixture?.close());

  it("a rebuild's shadow table has exactly the migrated table's columns, indexes and constraints", async () => {
    for (const sql of createPracticeVersionsTableSql(PRACTICE_VERSIONS_SHADOW_TABLE)) await fixture.pool.query(sql);
    const migrated = await tableShape(fixture.pool, PRACTICE_VERSIONS_TABLE);
    expect(migrated.columns.length).toBeGreaterThan(20);
    expect(migrated.indexes.length).toBeGreaterThan(3);
    expect(await tableShape(fixture.pool, PRACTICE_VERSIONS_SHADOW_TABLE)).toEqual(migrated);
  });
});
