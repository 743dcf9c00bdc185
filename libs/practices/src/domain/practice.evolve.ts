import type { PracticeEvent, PracticeOpened, TimelineEvent } from './practice.events.js';
import { assertNever } from './exhaustive.js';
import type { OpenPracticeState, PracticeSnapshot, PracticeState, Provider } from './practice.state.js';

const NOT_OPENED: PracticeState = Object.freeze({ status: 'not-opened' });

export const initialState = (): PracticeState => NOT_OPENED;

/**
 * Applies one event of the effective timeline. Rules are enforced when deciding, not here: the fold is tolerant
 * (an event that does not apply leaves the state as it was) so that the read side never fails on any history.
 * Retractions never reach the fold: `effectiveTimeline` has already removed them and the events they retract.
 */
export function evolve(state: PracticeState, timelineEvent: TimelineEvent): PracticeState {
  const { event, effectiveDate } = timelineEvent;
  if (state.status === 'not-opened') return event.type === 'PracticeOpened' ? opened(event, effectiveDate) : state;
  if (state.status === 'closed') return state;
  return evolveOpen(state, event, effectiveDate);
}

function evolveOpen(state: OpenPracticeState, event: PracticeEvent, effectiveDate: string): PracticeState {
  switch (event.type) {
    case 'PracticeOpened':
    case 'PracticeAbsorbed':
    case 'EventRetracted':
      return state;
    case 'PracticeRenamed':
      return { ...state, name: event.data.name };
    case 'CommissionerChanged':
      return { ...state, commissionerCode: event.data.commissionerCode };
    case 'ContractChanged':
      return derive({ ...state, contract: { type: event.data.type, holder: event.data.holder } });
    case 'PartnerJoined': {
      const { gmcNumber, name } = event.data;
      return derive({ ...state, partners: [...state.partners, { gmcNumber, name }] });
    }
    case 'PartnerExited':
      return derive({ ...state, partners: state.partners.filter((p) => p.gmcNumber !== event.data.gmcNumber) });
    case 'PartnerConvertedToSalaried': {
      const partner = state.partners.find((p) => p.gmcNumber === event.data.gmcNumber);
      if (!partner) return state;
      return derive({
        ...state,
        partners: state.partners.filter((p) => p !== partner),
        salariedGps: [...state.salariedGps, partner],
      });
    }
    case 'SalariedGpJoined': {
      const { gmcNumber, name } = event.data;
      return derive({ ...state, salariedGps: [...state.salariedGps, { gmcNumber, name }] });
    }
    case 'SalariedGpLeft':
      return derive({ ...state, salariedGps: state.salariedGps.filter((p) => p.gmcNumber !== event.data.gmcNumber) });
    case 'ContractSubcontractedToTrust': {
      const { trustCode, trustName } = event.data;
      return derive({ ...state, subcontract: { trustCode, trustName, since: effectiveDate } });
    }
    case 'TrustSubcontractEnded':
      return derive({ ...state, subcontract: null });
    case 'FederationJoined': {
      const { federationId, federationName } = event.data;
      const federations = [...state.federations, { federationId, federationName, since: effectiveDate }];
      return { ...state, federations };
    }
    case 'FederationLeft':
      return { ...state, federations: state.federations.filter((f) => f.federationId !== event.data.federationId) };
    case 'PcnJoined':
      return { ...state, pcn: { pcnCode: event.data.pcnCode, pcnName: event.data.pcnName } };
    case 'PcnLeft':
      return { ...state, pcn: null };
    case 'ListSizeRecorded':
      return { ...state, registeredPatients: event.data.registeredPatients };
    case 'PracticeMerged':
      return derive({ ...state, status: 'closed', closedOn: effectiveDate, mergedInto: event.data.intoOdsCode });
    case 'PracticeClosed':
      return derive({ ...state, status: 'closed', closedOn: effectiveDate });
    default:
      return assertNever(event, 'practice event');
  }
}

function opened(event: PracticeOpened, openedOn: string): OpenPracticeState {
  const { odsCode, name, commissionerCode, contract } = event.data;
  return derive({
    odsCode,
    name,
    status: 'open',
    openedOn,
    closedOn: null,
    commissionerCode: commissionerCode ?? null,
    contract: contract ? { type: contract.type, holder: contract.holder } : null,
    provider: null,
    partners: [],
    salariedGps: [],
    partnerCount: 0,
    salariedCount: 0,
    subcontract: null,
    federations: [],
    pcn: null,
    registeredPatients: null,
    singleHanded: false,
    withoutPartners: false,
    mergedInto: null,
  });
}

/** Recomputes the SPEC §3 derived fields from the recorded ones. */
function derive<S extends PracticeSnapshot>(state: S): S {
  const heldByGps = state.contract?.holder.kind === 'partnership' || state.contract?.holder.kind === 'individual';
  const partnerCount = state.partners.length;
  return {
    ...state,
    provider: providerOf(state),
    partnerCount,
    salariedCount: state.salariedGps.length,
    singleHanded: heldByGps && partnerCount === 1,
    withoutPartners: heldByGps && partnerCount === 0 && state.status === 'open' && state.subcontract === null,
  };
}

function providerOf(state: PracticeSnapshot): Provider | null {
  if (state.subcontract) return { kind: 'nhs-trust', id: state.subcontract.trustCode, name: state.subcontract.trustName };
  if (state.contract) return { kind: state.contract.holder.kind, id: state.contract.holder.id, name: state.contract.holder.name };
  return null;
}
