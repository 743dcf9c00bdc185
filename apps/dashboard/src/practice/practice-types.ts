/** A practice's state and history as the API answers them (SPEC §5). */
export interface Person {
  readonly gmcNumber: string;
  readonly name: string;
}

export interface Holder {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
}

export interface PracticeState {
  readonly odsCode: string;
  readonly name: string;
  readonly status: 'open' | 'closed';
  readonly openedOn: string;
  readonly closedOn: string | null;
  readonly commissionerCode: string | null;
  readonly contract: { readonly type: string; readonly holder: Holder } | null;
  readonly provider: Holder | null;
  readonly partners: readonly Person[];
  readonly salariedGps: readonly Person[];
  readonly subcontract: { readonly trustCode: string; readonly trustName: string; readonly since: string } | null;
  readonly federations: ReadonlyArray<{ readonly federationId: string; readonly federationName: string; readonly since: string }>;
  readonly pcn: { readonly pcnCode: string; readonly pcnName: string } | null;
  readonly registeredPatients: number | null;
  readonly singleHanded: boolean;
  readonly withoutPartners: boolean;
  readonly asOf: string;
  readonly knownAt: string;
}

export interface HistoryEvent {
  readonly eventId: string;
  readonly type: string;
  readonly effectiveDate: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly retracted: boolean;
  readonly data: Record<string, unknown>;
}

export interface PracticeHistory {
  readonly odsCode: string;
  readonly knownAt: string;
  readonly events: readonly HistoryEvent[];
}
