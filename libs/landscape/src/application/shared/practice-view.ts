import type { PracticeSnapshot } from '#practices';
import type { ReadTime } from './read-time.js';

/** A practice's state as the API shows it: SPEC §5 field order, whatever order the stored jsonb keeps its keys in. */
export function toPracticeFields(state: PracticeSnapshot) {
  return {
    odsCode: state.odsCode,
    name: state.name,
    status: state.status,
    openedOn: state.openedOn,
    closedOn: state.closedOn,
    commissionerCode: state.commissionerCode,
    contract: state.contract ? { type: state.contract.type, holder: { ...state.contract.holder } } : null,
    provider: state.provider ? { kind: state.provider.kind, id: state.provider.id, name: state.provider.name } : null,
    partners: state.partners.map(({ gmcNumber, name }) => ({ gmcNumber, name })),
    salariedGps: state.salariedGps.map(({ gmcNumber, name }) => ({ gmcNumber, name })),
    partnerCount: state.partnerCount,
    salariedCount: state.salariedCount,
    subcontract: state.subcontract
      ? { trustCode: state.subcontract.trustCode, trustName: state.subcontract.trustName, since: state.subcontract.since }
      : null,
    federations: state.federations.map(({ federationId, federationName, since }) => ({ federationId, federationName, since })),
    pcn: state.pcn ? { pcnCode: state.pcn.pcnCode, pcnName: state.pcn.pcnName } : null,
    registeredPatients: state.registeredPatients,
    singleHanded: state.singleHanded,
    withoutPartners: state.withoutPartners,
    mergedInto: state.mergedInto ?? null,
  };
}

export type PracticeFields = ReturnType<typeof toPracticeFields>;
export type PracticeView = PracticeFields & ReadTime;

export const toPracticeView = (state: PracticeSnapshot, time: ReadTime): PracticeView => ({ ...toPracticeFields(state), ...time });
