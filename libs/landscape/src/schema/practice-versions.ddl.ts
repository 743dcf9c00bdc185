import { VERSION_COLUMN_TYPES } from '../read-models/practice-versions/version-columns.js';
import { RECORDED_POINT_SQL, VALID_POINT_SQL } from './bitemporal-points.sql.js';

/**
 * DDL of the bitemporal practice-versions table. One function builds it under any name so that a rebuild can create
 * a shadow table identical to the live one (same columns, same indexes, index names derived from the table name).
 *
 * A row is one version of one practice's state: valid over effective dates [valid_from, valid_to) and believed over
 * recorded time [recorded_from, recorded_to). NULL upper bounds are open (until further notice). The generated range
 * columns say so in SQL; the generated point columns (bitemporal-points.sql.ts) key the GiST indexes that make "state
 * at (asOf, knownAt)" of the whole landscape one index search.
 *
 * Every rebuild's shadow table is built from here; migrations carry their own frozen SQL. A column is added to
 * VERSION_COLUMN_TYPES (version-columns.ts) and to a migration that alters the live table the same way and replaces
 * landscape.apply_projection_step, which names the inserted columns (schema-snapshot.int.spec.ts fails until a
 * migrated database and this DDL agree).
 */
export const LANDSCAPE_SCHEMA = 'landscape';
export const PRACTICE_VERSIONS_TABLE = 'practice_versions';
export const PRACTICE_VERSIONS_SHADOW_TABLE = 'practice_versions_next';
export const CHECKPOINTS_TABLE = 'projection_checkpoints';

/** The tables a projector may write: the live one and the shadow a rebuild fills. Never built from user input. */
export type PracticeVersionsTable = typeof PRACTICE_VERSIONS_TABLE | typeof PRACTICE_VERSIONS_SHADOW_TABLE;

export const qualified = (table: string): string => `${LANDSCAPE_SCHEMA}.${table}`;
/** The live versions table, as every read names it. */
export const PRACTICE_VERSIONS = qualified(PRACTICE_VERSIONS_TABLE);

export function createPracticeVersionsTableSql(table: PracticeVersionsTable): string[] {
  return [...practiceVersionsTableSql(table), ...practiceVersionsReadIndexesSql(table)];
}

/** The table and the index the projector itself needs (a rebuild creates the read indexes after bulk loading). */
export function practiceVersionsTableSql(table: PracticeVersionsTable): string[] {
  const name = qualified(table);
  return [
    `CREATE TABLE ${name} (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      ods_code text NOT NULL,
      valid_from date NOT NULL,
      valid_to date,
      recorded_from timestamptz NOT NULL,
      recorded_to timestamptz,
      valid daterange GENERATED ALWAYS AS (daterange(valid_from, valid_to, '[)')) STORED,
      recorded tstzrange GENERATED ALWAYS AS (tstzrange(recorded_from, recorded_to, '[)')) STORED,
      valid_point point GENERATED ALWAYS AS (${VALID_POINT_SQL}) STORED,
      recorded_point point GENERATED ALWAYS AS (${RECORDED_POINT_SQL}) STORED,
      ${Object.entries(VERSION_COLUMN_TYPES)
        .map(([column, type]) => `${column} ${type}`)
        .join(',\n      ')},
      -- json, not jsonb: read back whole, never searched inside, and jsonb's conversion was most of a COPY's cost.
      state json NOT NULL,
      CONSTRAINT ${table}_valid_order CHECK (valid_to IS NULL OR valid_to > valid_from),
      CONSTRAINT ${table}_recorded_order CHECK (recorded_to IS NULL OR recorded_to > recorded_from)
    )`,
    // The current belief (what the projector closes and replaces); at most one open row per practice and start date.
    `CREATE UNIQUE INDEX ${table}_current ON ${name} (ods_code, valid_from) WHERE recorded_to IS NULL`,
  ];
}

/** The columns the landscape's filters and breakdowns read: carried in the bitemporal index and analysed after a load. */
const BREAKDOWN_COLUMNS = [
  'status',
  'commissioner_code',
  'contract_type',
  'holder_kind',
  'provider_kind',
  'provider_id',
  'trust_code',
  'pcn_code',
  'federations',
] satisfies (keyof typeof VERSION_COLUMN_TYPES)[];

/**
 * The narrow columns the provider list and the practice filters read. Carried in the bitemporal index so those reads
 * are index-only scans: the rows themselves are wide (the full state as JSON), and
 * fetching thousands of them from the heap cost more than the search.
 */
const NARROW_COLUMNS = [
  ...BREAKDOWN_COLUMNS,
  'partner_count',
  'salaried_count',
  'registered_patients',
  'single_handed',
  'without_partners',
] satisfies (keyof typeof VERSION_COLUMN_TYPES)[];

/**
 * Whole landscape at (asOf, knownAt): a search of two boxes (bitemporalAtSql), covering the narrow columns. `key` is
 * the points; the range columns only where a migration is undone.
 */
export function bitemporalIndexSql(table: PracticeVersionsTable, key = 'valid_point, recorded_point'): string {
  return `CREATE INDEX ${table}_bitemporal ON ${qualified(table)} USING gist (${key}) INCLUDE (${NARROW_COLUMNS.join(', ')})`;
}

/** The believed versions' summary index (see summaryIndexesSql), also built on its own by a migration; `key` as above. */
export function summaryBelievedIndexSql(table: PracticeVersionsTable, key = 'valid_point'): string {
  return `CREATE INDEX IF NOT EXISTS ${table}_summary_believed ON ${qualified(table)} USING gist (${key}) INCLUDE (recorded_from, summary_facts)
       WHERE recorded_to IS NULL AND status = 'open'`;
}

/**
 * The landscape summary's two searches, each carrying only the packed summary facts (see summary-facts.ts): the open
 * versions still believed, searched by effective date alone (nearly every row: history is seldom corrected), and the
 * few superseded ones, searched in both dimensions (by ranges: a small index, quick to build either way). A summary at
 * any knownAt is the union of the two.
 */
export function summaryIndexesSql(table: PracticeVersionsTable): string[] {
  return [
    summaryBelievedIndexSql(table),
    `CREATE INDEX IF NOT EXISTS ${table}_summary_superseded ON ${qualified(table)} USING gist (valid, recorded) INCLUDE (summary_facts)
       WHERE recorded_to IS NOT NULL AND status = 'open'`,
  ];
}

/** Indexes that serve reads only. */
export function practiceVersionsReadIndexesSql(table: PracticeVersionsTable): string[] {
  const name = qualified(table);
  return [
    bitemporalIndexSql(table),
    ...summaryIndexesSql(table),
    // One practice at (asOf, knownAt): a short range scan of that practice's rows.
    `CREATE INDEX ${table}_by_practice ON ${name} (ods_code, valid_from, recorded_from)`,
    // What changed in recorded time after an instant (inserted or closed since): the trend model's folds and reads.
    `CREATE INDEX ${table}_last_recorded ON ${name} (greatest(recorded_from, recorded_to))`,
  ];
}

/**
 * The columns a read filters or groups on (the bitemporal bounds and the landscape's filters and breakdowns): the only
 * ones whose statistics a plan uses. A rebuild analyses only these: on the embedded database, for 52,000 events, an
 * ANALYZE of every column took 1.2 s of CPU (the state's jsonb 0.8 s of it), of these 0.5 s.
 */
const FILTERED_COLUMNS = ['ods_code', 'valid_from', 'valid_to', 'recorded_from', 'recorded_to', 'valid', 'recorded', ...BREAKDOWN_COLUMNS];

/**
 * Rows each filtered column's statistics sample is sized by (PostgreSQL's default is 100). Every landscape read planned
 * the same at 30 as at 100 on the national history (auto_explain over the summary, practice, list, provider, diff,
 * trend, CSV and page reads), and the sample is 9,000 rows instead of 30,000: the embedded rebuild's ANALYZE of 49,000
 * rows 0.26 s to 0.08 s.
 */
const STATISTICS_TARGET = 30;

/** Planner statistics for a freshly loaded table (see FILTERED_COLUMNS), kept at STATISTICS_TARGET from then on. */
export function practiceVersionsAnalyzeSql(table: PracticeVersionsTable): string[] {
  const name = qualified(table);
  return [
    `ALTER TABLE ${name} ${FILTERED_COLUMNS.map((column) => `ALTER COLUMN ${column} SET STATISTICS ${STATISTICS_TARGET}`).join(', ')}`,
    `ANALYZE ${name} (${FILTERED_COLUMNS.join(', ')})`,
  ];
}

/** Index and constraint names that carry the table name, for renaming a shadow table into place. */
export const PRACTICE_VERSIONS_INDEX_SUFFIXES = [
  'pkey',
  'bitemporal',
  'summary_believed',
  'summary_superseded',
  'current',
  'by_practice',
  'last_recorded',
] as const;
export const PRACTICE_VERSIONS_CONSTRAINT_SUFFIXES = ['valid_order', 'recorded_order'] as const;

/** The checkpoints table as first created; later columns come from later migrations. */
export function createCheckpointsTableSql(): string[] {
  return [
    `CREATE TABLE ${qualified(CHECKPOINTS_TABLE)} (
      name text PRIMARY KEY,
      transaction_id bigint,
      position bigint,
      stable_horizon timestamptz,
      horizon_transaction_id bigint,
      horizon_position bigint,
      projection_version integer NOT NULL,
      events_applied bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
  ];
}
