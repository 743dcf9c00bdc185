import { PRACTICE_VERSIONS_TABLE, qualified, type PracticeVersionsTable } from './practice-versions.ddl.js';

/**
 * DDL of the national trend's read model (see migration 1763856900000, which holds the functions that keep it): the
 * changes of every summary figure per effective date, and which practices each provider has, both of the current
 * belief. Each versions table has its own pair (a rebuild's shadow fills its own), named after it; like the versions
 * table, a change here needs a migration that makes a migrated database the same (schema-snapshot.int.spec.ts).
 */
export const TREND_DELTAS_TABLE = 'trend_deltas';
export const TREND_PROVIDER_PRACTICES_TABLE = 'trend_provider_practices';

/** The trend tables that belong to a versions table: the live ones, or a rebuild's shadows (suffix `_next`). */
export function trendTables(versions: PracticeVersionsTable): { deltas: string; providerPractices: string } {
  const suffix = versions === PRACTICE_VERSIONS_TABLE ? '' : '_next';
  return { deltas: `${TREND_DELTAS_TABLE}${suffix}`, providerPractices: `${TREND_PROVIDER_PRACTICES_TABLE}${suffix}` };
}

export function createTrendTablesSql(versions: PracticeVersionsTable): string[] {
  const { deltas, providerPractices } = trendTables(versions);
  return [
    `CREATE TABLE ${qualified(deltas)} (
      figure text NOT NULL,
      key text NOT NULL,
      valid_on date NOT NULL,
      delta bigint NOT NULL,
      CONSTRAINT ${deltas}_pkey PRIMARY KEY (figure, key, valid_on)
    )`,
    `CREATE TABLE ${qualified(providerPractices)} (
      provider_kind text NOT NULL,
      provider_id text NOT NULL,
      ods_code text NOT NULL,
      versions integer NOT NULL,
      CONSTRAINT ${providerPractices}_pkey PRIMARY KEY (provider_kind, provider_id, ods_code)
    )`,
  ];
}

export function dropTrendTablesSql(versions: PracticeVersionsTable): string[] {
  const { deltas, providerPractices } = trendTables(versions);
  return [`DROP TABLE IF EXISTS ${qualified(deltas)}`, `DROP TABLE IF EXISTS ${qualified(providerPractices)}`];
}

/** Fills a versions table's (empty) trend tables from its current belief, in one pass. */
export function deriveTrendSql(versions: PracticeVersionsTable): string {
  const { deltas, providerPractices } = trendTables(versions);
  return `SELECT landscape.derive_trend('${qualified(versions)}', '${qualified(deltas)}', '${qualified(providerPractices)}')`;
}

/**
 * The statement triggers that keep a versions table's trend tables (landscape.fold_trend picks the tables by the name
 * of the table it fires on, so they follow a shadow renamed into place). Created after a bulk load and its derive.
 */
export function trendTriggersSql(versions: PracticeVersionsTable): string[] {
  const table = qualified(versions);
  return [
    `CREATE TRIGGER trend_fold_insert AFTER INSERT ON ${table}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION landscape.fold_trend()`,
    `CREATE TRIGGER trend_fold_update AFTER UPDATE ON ${table}
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION landscape.fold_trend()`,
    `CREATE TRIGGER trend_fold_delete AFTER DELETE ON ${table}
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION landscape.fold_trend()`,
  ];
}

/** Constraint names that carry the table name, for renaming a shadow into place (the index follows its constraint). */
export const TREND_CONSTRAINT_SUFFIX = 'pkey';
