import { RuleCode } from './practice.errors.js';
import type { TimelineEvent } from './practice.events.js';
import { assertNever } from './exhaustive.js';
import type { OpenPracticeState, PracticeState } from './practice.state.js';

/** Why one event cannot take effect where it stands on the timeline. */
export interface RuleBreach {
  readonly code: RuleCode;
  readonly detail: string;
}

const SUBCONTRACTABLE = new Set(['GMS', 'PMS']);

/**
 * Checks one event against the state the timeline has reached just before it (SPEC §3 rules). `odsCode` names the
 * practice in the detail, which a commissioner reads.
 */
export function breachOf(state: PracticeState, timelineEvent: TimelineEvent, odsCode: string): RuleBreach | null {
  const { event, effectiveDate } = timelineEvent;
  if (state.status === 'not-opened' && event.type === 'PracticeOpened') return null;
  if (state.status !== 'open') return breachOutsideLifetime(state, `${event.type} on ${effectiveDate}`, effectiveDate, odsCode);
  return breachWhileOpen(state, timelineEvent, odsCode);
}

/** Nothing takes effect before a practice opens, nor on or after the date it closes or merges (SPEC §3). */
export function breachOutsideLifetime(
  state: Exclude<PracticeState, OpenPracticeState>,
  what: string,
  on: string,
  odsCode: string,
  openedOn?: string,
): RuleBreach {
  if (state.status === 'not-opened') {
    const opens = openedOn ? ` (it opens on ${openedOn})` : '';
    return breach('BEFORE_OPENING', `${odsCode} is not open on ${on}${opens}: nothing can take effect before a practice's open date (${what})`);
  }
  const how = state.mergedInto ? `merged into ${state.mergedInto}` : 'closed';
  return breach('PRACTICE_CLOSED', `${odsCode} ${how} on ${state.closedOn}: nothing can take effect on or after that date (${what})`);
}

function breachWhileOpen(state: OpenPracticeState, { event, effectiveDate: on }: TimelineEvent, ods: string): RuleBreach | null {
  switch (event.type) {
    case 'PracticeOpened':
      return breach('ALREADY_OPENED', `${ods} has been open since ${state.openedOn}; a practice is opened once`);
    case 'PracticeRenamed':
    case 'CommissionerChanged':
    case 'ListSizeRecorded':
    case 'PracticeAbsorbed':
    case 'PracticeClosed':
    case 'EventRetracted':
      return null;
    case 'ContractChanged':
      if (state.subcontract && !SUBCONTRACTABLE.has(event.data.type)) {
        return breach(
          'CONTRACT_SUBCONTRACTED',
          `${ods} is subcontracted to trust ${state.subcontract.trustCode} on ${on}; only a GMS or PMS contract can be subcontracted, so it cannot become ${event.data.type} until the subcontract ends`,
        );
      }
      return null;
    case 'PartnerJoined':
    case 'SalariedGpJoined': {
      const { gmcNumber } = event.data;
      const asPartner = event.type === 'PartnerJoined';
      if (isPartner(state, gmcNumber)) {
        return asPartner
          ? breach('ALREADY_A_PARTNER', `GP ${gmcNumber} is already a partner of ${ods} on ${on}`)
          : breach('PARTNER_AND_SALARIED', `GP ${gmcNumber} is a partner of ${ods} on ${on} and cannot also be a salaried GP there`);
      }
      if (isSalaried(state, gmcNumber)) {
        return asPartner
          ? breach('PARTNER_AND_SALARIED', `GP ${gmcNumber} is a salaried GP of ${ods} on ${on} and cannot also be a partner there`)
          : breach('ALREADY_SALARIED', `GP ${gmcNumber} is already a salaried GP of ${ods} on ${on}`);
      }
      return null;
    }
    case 'PartnerExited':
    case 'PartnerConvertedToSalaried':
      return isPartner(state, event.data.gmcNumber)
        ? null
        : breach('NOT_A_PARTNER', `GP ${event.data.gmcNumber} is not a partner of ${ods} on ${on}`);
    case 'SalariedGpLeft':
      return isSalaried(state, event.data.gmcNumber)
        ? null
        : breach('NOT_SALARIED', `GP ${event.data.gmcNumber} is not a salaried GP of ${ods} on ${on}`);
    case 'ContractSubcontractedToTrust':
      if (!state.contract) return breach('NO_CONTRACT', `${ods} has no contract on ${on} to subcontract`);
      if (!SUBCONTRACTABLE.has(state.contract.type)) {
        return breach(
          'CONTRACT_NOT_SUBCONTRACTABLE',
          `${ods} holds a ${state.contract.type} contract on ${on}; only GMS and PMS contracts can be subcontracted to a trust`,
        );
      }
      if (state.subcontract) {
        return breach(
          'ALREADY_SUBCONTRACTED',
          `${ods} is already subcontracted to trust ${state.subcontract.trustCode} (since ${state.subcontract.since}) on ${on}`,
        );
      }
      return null;
    case 'TrustSubcontractEnded':
      if (!state.subcontract) return breach('NOT_SUBCONTRACTED', `${ods} is not subcontracted to a trust on ${on}`);
      if (state.subcontract.trustCode !== event.data.trustCode) {
        return breach('NOT_SUBCONTRACTED', `${ods} is subcontracted to trust ${state.subcontract.trustCode}, not ${event.data.trustCode}, on ${on}`);
      }
      return null;
    case 'FederationJoined':
      return state.federations.some((f) => f.federationId === event.data.federationId)
        ? breach('ALREADY_IN_FEDERATION', `${ods} is already a member of federation ${event.data.federationId} on ${on}`)
        : null;
    case 'FederationLeft':
      return state.federations.some((f) => f.federationId === event.data.federationId)
        ? null
        : breach('NOT_IN_FEDERATION', `${ods} is not a member of federation ${event.data.federationId} on ${on}`);
    case 'PcnJoined':
      return state.pcn
        ? breach(
            'ALREADY_IN_PCN',
            `${ods} is already in PCN ${state.pcn.pcnCode} on ${on}; a practice belongs to at most one PCN, so it must leave that one first`,
          )
        : null;
    case 'PcnLeft':
      if (!state.pcn) return breach('NOT_IN_PCN', `${ods} is not in a PCN on ${on}`);
      if (state.pcn.pcnCode !== event.data.pcnCode) {
        return breach('NOT_IN_PCN', `${ods} is in PCN ${state.pcn.pcnCode}, not ${event.data.pcnCode}, on ${on}`);
      }
      return null;
    case 'PracticeMerged':
      return event.data.intoOdsCode === ods ? breach('MERGE_INTO_SELF', `${ods} cannot merge into itself`) : null;
    default:
      return assertNever(event, 'practice event');
  }
}

const isPartner = (state: OpenPracticeState, gmcNumber: string) => state.partners.some((p) => p.gmcNumber === gmcNumber);
const isSalaried = (state: OpenPracticeState, gmcNumber: string) => state.salariedGps.some((p) => p.gmcNumber === gmcNumber);

const breach = (code: RuleCode, detail: string): RuleBreach => ({ code, detail });
