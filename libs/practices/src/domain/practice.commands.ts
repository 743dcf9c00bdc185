import type { Contract, PartnerExitReason, SalariedEmployer } from './practice.events.js';

/**
 * Domain commands, one per write route of SPEC §5. Identifiers arrive validated by the application layer; effective
 * dates are `YYYY-MM-DD`. Nothing here carries a clock or an id: the decider stays pure.
 */
type Command<Type extends string, Data> = { readonly type: Type; readonly odsCode: string } & Readonly<Data>;
type Dated<Data> = Data & { effectiveDate: string };

export type OpenPractice = Command<'OpenPractice', { name: string; openedOn: string; commissionerCode?: string | null; contract?: Contract | null }>;
export type RenamePractice = Command<'RenamePractice', Dated<{ name: string }>>;
export type ChangeCommissioner = Command<'ChangeCommissioner', Dated<{ commissionerCode: string | null }>>;
export type ChangeContract = Command<'ChangeContract', Dated<{ contract: Contract }>>;
export type AddPartner = Command<'AddPartner', Dated<{ gmcNumber: string; name: string }>>;
export type RecordPartnerExit = Command<'RecordPartnerExit', Dated<{ gmcNumber: string; reason: PartnerExitReason }>>;
export type ConvertPartnerToSalaried = Command<'ConvertPartnerToSalaried', Dated<{ gmcNumber: string; employer: SalariedEmployer }>>;
export type AddSalariedGp = Command<'AddSalariedGp', Dated<{ gmcNumber: string; name: string }>>;
export type RecordSalariedGpLeaving = Command<'RecordSalariedGpLeaving', Dated<{ gmcNumber: string }>>;
export type SubcontractToTrust = Command<'SubcontractToTrust', Dated<{ trustCode: string; trustName: string }>>;
export type EndTrustSubcontract = Command<'EndTrustSubcontract', Dated<object>>;
export type JoinFederation = Command<'JoinFederation', Dated<{ federationId: string; federationName: string }>>;
export type LeaveFederation = Command<'LeaveFederation', Dated<{ federationId: string }>>;
export type JoinPcn = Command<'JoinPcn', Dated<{ pcnCode: string; pcnName: string }>>;
export type LeavePcn = Command<'LeavePcn', Dated<object>>;
export type RecordListSize = Command<'RecordListSize', Dated<{ registeredPatients: number }>>;
export type MergePractice = Command<'MergePractice', Dated<{ intoOdsCode: string }>>;
export type ClosePractice = Command<'ClosePractice', Dated<{ reason: string }>>;
export type RetractEvent = Command<'RetractEvent', { eventId: string; reason: string }>;

export type PracticeCommand =
  | OpenPractice
  | RenamePractice
  | ChangeCommissioner
  | ChangeContract
  | AddPartner
  | RecordPartnerExit
  | ConvertPartnerToSalaried
  | AddSalariedGp
  | RecordSalariedGpLeaving
  | SubcontractToTrust
  | EndTrustSubcontract
  | JoinFederation
  | LeaveFederation
  | JoinPcn
  | LeavePcn
  | RecordListSize
  | MergePractice
  | ClosePractice
  | RetractEvent;

export type PracticeCommandType = PracticeCommand['type'];

/** Commands that record one dated change on one practice's own stream. */
export type DatedPracticeCommand = Exclude<PracticeCommand, OpenPractice | RetractEvent | MergePractice>;
