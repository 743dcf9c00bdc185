import type { DatedPracticeCommand } from './practice.commands.js';
import { PracticeRuleViolation, RuleCode } from './practice.errors.js';
import type { PracticeEvent } from './practice.events.js';
import { assertNever } from './exhaustive.js';
import type { OpenPracticeState } from './practice.state.js';

/**
 * The event a dated command records, given the practice's state on its effective date. Commands that end something
 * take the missing data (a name, the trust, the PCN) from that state, and are refused when there is nothing to end.
 */
export function eventFor(command: DatedPracticeCommand, state: OpenPracticeState): PracticeEvent {
  const { odsCode: ods, effectiveDate: on } = command;
  switch (command.type) {
    case 'RenamePractice':
      return { type: 'PracticeRenamed', data: { name: command.name } };
    case 'ChangeCommissioner':
      return { type: 'CommissionerChanged', data: { commissionerCode: command.commissionerCode } };
    case 'ChangeContract':
      return { type: 'ContractChanged', data: { type: command.contract.type, holder: command.contract.holder } };
    case 'AddPartner':
      return { type: 'PartnerJoined', data: { gmcNumber: command.gmcNumber, name: command.name } };
    case 'RecordPartnerExit':
      return { type: 'PartnerExited', data: { gmcNumber: command.gmcNumber, reason: command.reason } };
    case 'ConvertPartnerToSalaried':
      return { type: 'PartnerConvertedToSalaried', data: { gmcNumber: command.gmcNumber, employer: command.employer } };
    case 'AddSalariedGp':
      return { type: 'SalariedGpJoined', data: { gmcNumber: command.gmcNumber, name: command.name } };
    case 'RecordSalariedGpLeaving': {
      const gp = state.salariedGps.find((p) => p.gmcNumber === command.gmcNumber);
      if (!gp) throw refuse(RuleCode.NOT_SALARIED, `GP ${command.gmcNumber} is not a salaried GP of ${ods} on ${on}`);
      return { type: 'SalariedGpLeft', data: { gmcNumber: gp.gmcNumber, name: gp.name } };
    }
    case 'SubcontractToTrust':
      return { type: 'ContractSubcontractedToTrust', data: { trustCode: command.trustCode, trustName: command.trustName } };
    case 'EndTrustSubcontract':
      if (!state.subcontract) throw refuse(RuleCode.NOT_SUBCONTRACTED, `${ods} is not subcontracted to a trust on ${on}`);
      return { type: 'TrustSubcontractEnded', data: { trustCode: state.subcontract.trustCode } };
    case 'JoinFederation':
      return { type: 'FederationJoined', data: { federationId: command.federationId, federationName: command.federationName } };
    case 'LeaveFederation': {
      const membership = state.federations.find((f) => f.federationId === command.federationId);
      if (!membership) {
        throw refuse(RuleCode.NOT_IN_FEDERATION, `${ods} is not a member of federation ${command.federationId} on ${on}`);
      }
      return { type: 'FederationLeft', data: { federationId: membership.federationId, federationName: membership.federationName } };
    }
    case 'JoinPcn':
      return { type: 'PcnJoined', data: { pcnCode: command.pcnCode, pcnName: command.pcnName } };
    case 'LeavePcn':
      if (!state.pcn) throw refuse(RuleCode.NOT_IN_PCN, `${ods} is not in a PCN on ${on}`);
      return { type: 'PcnLeft', data: { pcnCode: state.pcn.pcnCode, pcnName: state.pcn.pcnName } };
    case 'RecordListSize':
      return { type: 'ListSizeRecorded', data: { registeredPatients: command.registeredPatients } };
    case 'ClosePractice':
      return { type: 'PracticeClosed', data: { reason: command.reason } };
    default:
      return assertNever(command, 'practice command');
  }
}

const refuse = (code: RuleCode, detail: string) => new PracticeRuleViolation(code, detail);
