import { Query } from '@nestjs/cqrs';

export interface ProviderSummary {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  /** Open practices it runs (as contract holder, or as the trust a contract is subcontracted to). */
  readonly practices: number;
  readonly registeredPatients: number;
  readonly odsCodes: readonly string[];
}

export interface ProviderList {
  readonly asOf: string;
  readonly knownAt: string;
  readonly total: number;
  readonly items: readonly ProviderSummary[];
}

export class ListProviders extends Query<ProviderList> {
  constructor(
    readonly asOf: string | undefined,
    readonly knownAt: string | undefined,
  ) {
    super();
  }
}
