/**
 * The practice stream's events (SPEC §3). Type strings are stored forever: never rename one; add a new type or a new
 * schemaVersion with an upcaster instead.
 */
export const CONTRACT_TYPES = ['GMS', 'PMS', 'APMS', 'PCTMS'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const HOLDER_KINDS = ['partnership', 'individual', 'company', 'nhs-trust'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

export const PARTNER_EXIT_REASONS = ['retirement', 'resignation', 'death', 'dissolution', 'other'] as const;
export type PartnerExitReason = (typeof PARTNER_EXIT_REASONS)[number];

export const SALARIED_EMPLOYERS = ['practice', 'trust'] as const;
export type SalariedEmployer = (typeof SALARIED_EMPLOYERS)[number];

export interface ContractHolder {
  readonly kind: HolderKind;
  readonly id: string;
  readonly name: string;
}

export interface Contract {
  readonly type: ContractType;
  readonly holder: ContractHolder;
}

type Event<Type extends string, Data> = { readonly type: Type; readonly data: Readonly<Data> };

export type PracticeOpened = Event<'PracticeOpened', { odsCode: string; name: string; commissionerCode?: string | null; contract?: Contract | null }>;
export type PracticeRenamed = Event<'PracticeRenamed', { name: string }>;
export type CommissionerChanged = Event<'CommissionerChanged', { commissionerCode: string | null }>;
export type ContractChanged = Event<'ContractChanged', Contract>;
export type PartnerJoined = Event<'PartnerJoined', { gmcNumber: string; name: string }>;
export type PartnerExited = Event<'PartnerExited', { gmcNumber: string; reason: PartnerExitReason }>;
export type PartnerConvertedToSalaried = Event<'PartnerConvertedToSalaried', { gmcNumber: string; employer: SalariedEmployer }>;
export type SalariedGpJoined = Event<'SalariedGpJoined', { gmcNumber: string; name: string }>;
export type SalariedGpLeft = Event<'SalariedGpLeft', { gmcNumber: string; name: string }>;
export type ContractSubcontractedToTrust = Event<'ContractSubcontractedToTrust', { trustCode: string; trustName: string }>;
export type TrustSubcontractEnded = Event<'TrustSubcontractEnded', { trustCode: string }>;
export type FederationJoined = Event<'FederationJoined', { federationId: string; federationName: string }>;
export type FederationLeft = Event<'FederationLeft', { federationId: string; federationName: string }>;
export type PcnJoined = Event<'PcnJoined', { pcnCode: string; pcnName: string }>;
export type PcnLeft = Event<'PcnLeft', { pcnCode: string; pcnName: string }>;
export type ListSizeRecorded = Event<'ListSizeRecorded', { registeredPatients: number }>;
export type PracticeMerged = Event<'PracticeMerged', { intoOdsCode: string }>;
export type PracticeAbsorbed = Event<'PracticeAbsorbed', { fromOdsCode: string }>;
export type PracticeClosed = Event<'PracticeClosed', { reason: string }>;
export type EventRetracted = Event<'EventRetracted', { eventId: string; reason: string }>;

export type PracticeEvent =
  | PracticeOpened
  | PracticeRenamed
  | CommissionerChanged
  | ContractChanged
  | PartnerJoined
  | PartnerExited
  | PartnerConvertedToSalaried
  | SalariedGpJoined
  | SalariedGpLeft
  | ContractSubcontractedToTrust
  | TrustSubcontractEnded
  | FederationJoined
  | FederationLeft
  | PcnJoined
  | PcnLeft
  | ListSizeRecorded
  | PracticeMerged
  | PracticeAbsorbed
  | PracticeClosed
  | EventRetracted;

export type PracticeEventType = PracticeEvent['type'];

export const PRACTICE_EVENT_TYPES: readonly PracticeEventType[] = [
  'PracticeOpened',
  'PracticeRenamed',
  'CommissionerChanged',
  'ContractChanged',
  'PartnerJoined',
  'PartnerExited',
  'PartnerConvertedToSalaried',
  'SalariedGpJoined',
  'SalariedGpLeft',
  'ContractSubcontractedToTrust',
  'TrustSubcontractEnded',
  'FederationJoined',
  'FederationLeft',
  'PcnJoined',
  'PcnLeft',
  'ListSizeRecorded',
  'PracticeMerged',
  'PracticeAbsorbed',
  'PracticeClosed',
  'EventRetracted',
];

/** Current schema version of every practice event type; bump with an upcaster when a payload changes shape. */
export const PRACTICE_EVENT_SCHEMA_VERSION = 1;

export const practiceStreamId = (odsCode: string): string => `practice-${odsCode}`;
export const PRACTICE_STREAM_PREFIX = 'practice-';

/**
 * A practice event as the domain sees it once recorded: the fields the timeline rules need (identity, effective date,
 * recorded order and time). Built from the event store's RecordedEvent by the application layer.
 */
export interface TimelineEvent<E extends PracticeEvent = PracticeEvent> {
  readonly eventId: string;
  readonly event: E;
  readonly effectiveDate: string; // YYYY-MM-DD
  readonly streamVersion: number; // recorded order within the stream (ties on effectiveDate)
  readonly recordedAt: string; // ISO instant
}
