import { CHECKPOINTS_TABLE, PRACTICE_VERSIONS_TABLE, qualified } from './practice-versions.ddl.js';
import { bitemporalAtSql, validOnSql } from './bitemporal-points.sql.js';

/**
 * The reporting surface (libs/landscape/REPORTING.md documents every column). These views are a published contract
 * for BI tools: add columns at the end, never rename or drop one. The state is stored as json and shown as jsonb,
 * its published type.
 *
 * Views on practice_versions are bound to the table itself, so a rebuild that swaps a shadow table into place drops
 * and recreates them in the same transaction (see rebuild/switch-over.ts).
 */
export const REPORTING_SCHEMA = 'reporting';

const versions = qualified(PRACTICE_VERSIONS_TABLE);

const VERSION_COLUMNS = `ods_code, name, status, commissioner_code, contract_type, holder_kind, holder_id,
  provider_kind, provider_id, provider_name, trust_code, pcn_code, federations, partner_count, salaried_count,
  registered_patients, single_handed, without_partners`;

export const PRACTICE_VERSION_VIEWS = ['practice_versions', 'current_landscape', 'providers'] as const;

export function createPracticeVersionViewsSql(): string[] {
  return [
    `CREATE VIEW ${REPORTING_SCHEMA}.practice_versions AS
      SELECT ${VERSION_COLUMNS},
        (state->>'openedOn')::date AS opened_on, (state->>'closedOn')::date AS closed_on,
        valid_from, valid_to, recorded_from, recorded_to, state::jsonb AS state
      FROM ${versions}`,
    `CREATE VIEW ${REPORTING_SCHEMA}.current_landscape AS
      SELECT ${VERSION_COLUMNS},
        (state->>'openedOn')::date AS opened_on, (state->>'closedOn')::date AS closed_on,
        valid_from AS version_valid_from, recorded_from AS version_recorded_from, state::jsonb AS state
      FROM ${versions}
      WHERE recorded_to IS NULL AND ${validOnSql('current_date')}`,
    `CREATE VIEW ${REPORTING_SCHEMA}.providers AS
      SELECT provider_kind, provider_id, max(provider_name) AS provider_name,
        count(*)::integer AS practices, coalesce(sum(registered_patients), 0)::bigint AS registered_patients
      FROM ${versions}
      WHERE recorded_to IS NULL AND ${validOnSql('current_date')} AND status = 'open' AND provider_id IS NOT NULL
      GROUP BY provider_kind, provider_id`,
  ];
}

export function dropPracticeVersionViewsSql(): string[] {
  return PRACTICE_VERSION_VIEWS.map((view) => `DROP VIEW IF EXISTS ${REPORTING_SCHEMA}.${view}`);
}

/** Objects that do not depend on the practice_versions table's identity (late-bound or on other tables). */
export function createReportingSupportSql(): string[] {
  return [
    landscapeAtFunctionSql(),
    `CREATE VIEW ${REPORTING_SCHEMA}.projection_status AS
      SELECT name AS projection, projection_version, transaction_id, position, stable_horizon, events_applied, updated_at
      FROM ${qualified(CHECKPOINTS_TABLE)}`,
  ];
}

/**
 * reporting.landscape_at. A SQL function body is resolved when called, so it keeps working across rebuild swaps; it
 * reads the table itself, searching the points, so that the bitemporal GiST index serves it.
 */
export function landscapeAtFunctionSql(): string {
  return `CREATE OR REPLACE FUNCTION ${REPORTING_SCHEMA}.landscape_at(as_of date, known_at timestamptz DEFAULT now())
      RETURNS TABLE (ods_code text, name text, status text, commissioner_code text, contract_type text,
        holder_kind text, holder_id text, provider_kind text, provider_id text, provider_name text, trust_code text,
        pcn_code text, federations text[], partner_count integer, salaried_count integer, registered_patients integer,
        single_handed boolean, without_partners boolean, opened_on date, closed_on date, valid_from date,
        valid_to date, recorded_from timestamptz, recorded_to timestamptz, state jsonb)
      LANGUAGE sql STABLE AS $$
        SELECT ${VERSION_COLUMNS.replace(/\b(\w+)\b/g, 'v.$1')},
          (v.state->>'openedOn')::date, (v.state->>'closedOn')::date,
          v.valid_from, v.valid_to, v.recorded_from, v.recorded_to, v.state::jsonb
        FROM ${versions} v
        WHERE ${bitemporalAtSql('as_of', 'known_at', 'v.')}
      $$`;
}

/** projection_status with the columns added since it was first created (new ones at the end). */
export function replaceProjectionStatusViewSql(): string {
  return `CREATE OR REPLACE VIEW ${REPORTING_SCHEMA}.projection_status AS
      SELECT name AS projection, projection_version, transaction_id, position, stable_horizon, events_applied, updated_at,
        recorded_through
      FROM ${qualified(CHECKPOINTS_TABLE)}`;
}
