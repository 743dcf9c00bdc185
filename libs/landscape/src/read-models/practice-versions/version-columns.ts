import type { PracticeSnapshot } from '#practices';
import { summaryFactsOf } from './summary-facts.js';
import type { VersionRowInsert } from './version-changes.js';

/** Narrow typed columns beside the full state (filters, provider list) and the summary's packed facts. */
export interface VersionColumns {
  readonly status: string;
  readonly name: string;
  readonly commissioner_code: string | null;
  readonly contract_type: string | null;
  readonly holder_kind: string | null;
  readonly holder_id: string | null;
  readonly provider_kind: string | null;
  readonly provider_id: string | null;
  readonly provider_name: string | null;
  readonly trust_code: string | null;
  readonly pcn_code: string | null;
  readonly federations: string[];
  readonly partner_count: number;
  readonly salaried_count: number;
  readonly registered_patients: number | null;
  readonly single_handed: boolean;
  readonly without_partners: boolean;
  /** JSON text of summaryFactsOf(state): see summary-facts.ts. */
  readonly summary_facts: string;
}

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
export const VERSION_ROW_COLUMNS = [
  'ods_code', 'valid_from', 'valid_to', 'recorded_from', 'recorded_to', 'status', 'name', 'commissioner_code',
  'contract_type', 'holder_kind', 'holder_id', 'provider_kind', 'provider_id', 'provider_name', 'trust_code', 'pcn_code',
  'federations', 'partner_count', 'salaried_count', 'registered_patients', 'single_handed', 'without_partners',
  'summary_facts', 'state',
] as const satisfies readonly (keyof VersionRow)[];

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
