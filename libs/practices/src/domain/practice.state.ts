import type { Contract, ContractHolder, HolderKind } from './practice.events.js';

export interface Person {
  readonly gmcNumber: string;
  readonly name: string;
}

export interface Provider {
  readonly kind: HolderKind;
  readonly id: string;
  readonly name: string;
}

export interface Subcontract {
  readonly trustCode: string;
  readonly trustName: string;
  readonly since: string;
}

export interface FederationMembership {
  readonly federationId: string;
  readonly federationName: string;
  readonly since: string;
}

export interface PcnMembership {
  readonly pcnCode: string;
  readonly pcnName: string;
}

/**
 * A practice's state on one effective date (SPEC §5 "Practice state", less asOf/knownAt which the read side adds).
 * Lists are kept in a stable order (join order) so that equal histories give byte-equal states.
 */
export interface PracticeSnapshot {
  readonly odsCode: string;
  readonly name: string;
  readonly status: 'open' | 'closed';
  readonly openedOn: string;
  readonly closedOn: string | null;
  readonly commissionerCode: string | null;
  readonly contract: Contract | null;
  readonly provider: Provider | null;
  readonly partners: readonly Person[];
  readonly salariedGps: readonly Person[];
  readonly partnerCount: number;
  readonly salariedCount: number;
  readonly subcontract: Subcontract | null;
  readonly federations: readonly FederationMembership[];
  readonly pcn: PcnMembership | null;
  readonly registeredPatients: number | null;
  readonly singleHanded: boolean;
  readonly withoutPartners: boolean;
  /** Set when the practice closed by merging into another. */
  readonly mergedInto: string | null;
}

export type { Contract, ContractHolder };

/** The decider's and folds' state, tagged by `status`: once opened it is the practice's snapshot itself. */
export interface UnopenedPracticeState {
  readonly status: 'not-opened';
}
export interface OpenPracticeState extends PracticeSnapshot {
  readonly status: 'open';
}
export interface ClosedPracticeState extends PracticeSnapshot {
  readonly status: 'closed';
}
export type PracticeState = UnopenedPracticeState | OpenPracticeState | ClosedPracticeState;

/** A state over an interval of effective dates, `validTo` exclusive (null: open-ended). */
export interface PracticeVersion {
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly state: PracticeSnapshot;
}
