import type { PracticeSnapshot } from '#practices';

/**
 * One CSV row per practice: the same columns for GET /reports/practices.csv and `cli replay`, so a replay can be
 * compared with the projection's report byte for byte. Lists are joined with ';' in the state's own order.
 */
export const PRACTICE_CSV_COLUMNS = [
  'odsCode',
  'name',
  'status',
  'openedOn',
  'closedOn',
  'commissionerCode',
  'contractType',
  'holderKind',
  'holderId',
  'holderName',
  'providerKind',
  'providerId',
  'providerName',
  'partnerCount',
  'salariedCount',
  'partners',
  'salariedGps',
  'trustCode',
  'trustName',
  'subcontractSince',
  'federations',
  'pcnCode',
  'pcnName',
  'registeredPatients',
  'singleHanded',
  'withoutPartners',
  'mergedInto',
] as const;

export type PracticeCsvRecord = Record<(typeof PRACTICE_CSV_COLUMNS)[number], string | number | boolean | null>;

export function toPracticeCsvRecord(state: PracticeSnapshot): PracticeCsvRecord {
  return {
    odsCode: state.odsCode,
    name: state.name,
    status: state.status,
    openedOn: state.openedOn,
    closedOn: state.closedOn,
    commissionerCode: state.commissionerCode,
    contractType: state.contract?.type ?? null,
    holderKind: state.contract?.holder.kind ?? null,
    holderId: state.contract?.holder.id ?? null,
    holderName: state.contract?.holder.name ?? null,
    providerKind: state.provider?.kind ?? null,
    providerId: state.provider?.id ?? null,
    providerName: state.provider?.name ?? null,
    partnerCount: state.partnerCount,
    salariedCount: state.salariedCount,
    partners: state.partners.map((person) => person.gmcNumber).join(';'),
    salariedGps: state.salariedGps.map((person) => person.gmcNumber).join(';'),
    trustCode: state.subcontract?.trustCode ?? null,
    trustName: state.subcontract?.trustName ?? null,
    subcontractSince: state.subcontract?.since ?? null,
    federations: state.federations.map((membership) => membership.federationId).join(';'),
    pcnCode: state.pcn?.pcnCode ?? null,
    pcnName: state.pcn?.pcnName ?? null,
    registeredPatients: state.registeredPatients,
    singleHanded: state.singleHanded,
    withoutPartners: state.withoutPartners,
    mergedInto: state.mergedInto ?? null,
  };
}
