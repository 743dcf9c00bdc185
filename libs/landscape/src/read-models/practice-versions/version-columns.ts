import type { PracticeSnapshot } from '#practices';
import { summaryFactsOf } from './summary-facts.js';
import type { VersionRowInsert } from './version-changes.js';

/**
 * The columns of landscape.practice_versions beside the bitemporal bounds and the full state, with their SQL types:
 * the one list a column is added to. The table's DDL, the row type and the COPY column list follow from it, and
 * versionColumns must fill it (the build fails otherwise); a migration alters the live table to match.
 */
export const VERSION_COLUMN_TYPES = {
  status: 'text NOT NULL',
  name: 'text NOT NULL',
  commissioner_code: 'text',
  contract_type: 'text',
  holder_kind: 'text',
  holder_id: 'text',
  provider_kind: 'text',
  provider_id: 'text',
  provider_name: 'text',
  trust_code: 'text',
  pcn_code: 'text',
  federations: "text[] NOT NULL DEFAULT '{}'",
  partner_count: 'integer NOT NULL',
  salaried_count: 'integer NOT NULL',
  registered_patients: 'integer',
  single_handed: 'boolean NOT NULL',
  without_partners: 'boolean NOT NULL',
  // JSON text of summaryFactsOf(state): see summary-facts.ts.
  summary_facts: 'text NOT NULL',
} as const;

type SqlBase<T> = T extends 'text' ? string : T extends 'text[]' ? string[] : T extends 'integer' ? number : T extends 'boolean' ? boolean : never;
type SqlValue<T> = T extends `${infer Base} NOT NULL${string}` ? SqlBase<Base> : SqlBase<T> | null;

/** A version's columns as the projector writes them, typed from their SQL types. */
export type VersionColumns = { readonly [C in keyof typeof VERSION_COLUMN_TYPES]: SqlValue<(typeof VERSION_COLUMN_TYPES)[C]> };

export function versionColumns(state: PracticeSnapshot): VersionColumns {
  return {
    status: state.status,
    name: state.name,
    commissioner_code: state.commissionerCode,
    contract_type: state.contract?.type ?? null,
    holder_kind: state.contract?.holder.kind ?? null,
    holder_id: state.contract?.holder.id ?? null,
    provider_kind: state.provider?.kind ?? null,
    provider_id: state.provider?.id ?? null,
    provider_name: state.provider?.name ?? null,
    trust_code: state.subcontract?.trustCode ?? null,
    pcn_code: state.pcn?.pcnCode ?? null,
    federations: state.federations.map((membership) => membership.federationId),
    partner_count: state.partnerCount,
    salaried_count: state.salariedCount,
    registered_patients: state.registeredPatients,
    single_handed: state.singleHanded,
    without_partners: state.withoutPartners,
    summary_facts: JSON.stringify(summaryFactsOf(state)),
  };
}

/** Every column a projector writes, as one row: the bitemporal bounds, the columns above and the full state. */
export interface VersionRow extends VersionColumns {
  readonly ods_code: string;
  readonly valid_from: string;
  readonly valid_to: string | null;
  readonly recorded_from: string;
  readonly recorded_to: string | null;
  readonly state: PracticeSnapshot;
}

/** The written columns in the order a COPY names them (the rest are the identity and generated columns). */
export const VERSION_ROW_COLUMNS: readonly (keyof VersionRow)[] = [
  'ods_code',
  'valid_from',
  'valid_to',
  'recorded_from',
  'recorded_to',
  ...(Object.keys(VERSION_COLUMN_TYPES) as (keyof VersionColumns)[]),
  'state',
];

export function versionRow(insert: VersionRowInsert): VersionRow {
  return {
    ods_code: insert.odsCode,
    valid_from: insert.validFrom,
    valid_to: insert.validTo,
    recorded_from: insert.recordedFrom,
    recorded_to: insert.recordedTo,
    ...versionColumns(insert.state),
    state: insert.state,
  };
}
