import type { PracticeSnapshot } from '#practices';

/**
 * What the landscape summary needs of one version, packed as one JSON array in the `summary_facts` column: a single
 * INCLUDE column of the summary's GiST index, because an index-only GiST scan's cost grows with the number of included
 * columns, and the API aggregates the facts faster than SQL does.
 *
 * The positions are part of the stored format: change them only with a migration that rewrites the column.
 */
export type SummaryFacts = readonly [
  commissionerCode: string | null,
  contractType: string | null,
  holderKind: string | null,
  providerKind: string | null,
  providerId: string | null,
  trustCode: string | null,
  pcnCode: string | null,
  partnerCount: number,
  salariedCount: number,
  registeredPatients: number | null,
  singleHanded: boolean,
  withoutPartners: boolean,
  federationIds: readonly string[],
];

/** Where each fact sits in SummaryFacts. */
export const FACT = {
  commissionerCode: 0,
  contractType: 1,
  holderKind: 2,
  providerKind: 3,
  providerId: 4,
  trustCode: 5,
  pcnCode: 6,
  partnerCount: 7,
  salariedCount: 8,
  registeredPatients: 9,
  singleHanded: 10,
  withoutPartners: 11,
  federationIds: 12,
} as const;

export function summaryFactsOf(state: PracticeSnapshot): SummaryFacts {
  return [
    state.commissionerCode,
    state.contract?.type ?? null,
    state.contract?.holder.kind ?? null,
    state.provider?.kind ?? null,
    state.provider?.id ?? null,
    state.subcontract?.trustCode ?? null,
    state.pcn?.pcnCode ?? null,
    state.partnerCount,
    state.salariedCount,
    state.registeredPatients,
    state.singleHanded,
    state.withoutPartners,
    state.federations.map((membership) => membership.federationId),
  ];
}

/** The same array built in SQL from a row's narrow columns (the migration that added the column fills it so). */
export const SUMMARY_FACTS_FROM_COLUMNS_SQL = `json_build_array(
  commissioner_code, contract_type, holder_kind, provider_kind, provider_id, trust_code, pcn_code,
  partner_count, salaried_count, registered_patients, single_handed, without_partners, to_json(federations))::text`;
