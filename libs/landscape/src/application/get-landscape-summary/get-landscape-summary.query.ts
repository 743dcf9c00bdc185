import { Query } from '@nestjs/cqrs';
import type { PopulationBand } from './population-bands.js';

export interface LandscapeSummary {
  readonly asOf: string;
  readonly knownAt: string;
  readonly practices: { readonly open: number };
  readonly byCommissioner: Record<string, number>;
  readonly byContractType: Record<string, number>;
  readonly byHolderKind: Record<string, number>;
  readonly gps: { readonly partners: number; readonly salaried: number; readonly salariedShare: number };
  readonly singleHanded: number;
  readonly withoutPartners: number;
  readonly subcontracted: { readonly total: number; readonly byTrust: Record<string, number> };
  readonly federations: { readonly practicesInFederation: number; readonly byFederation: Record<string, number> };
  readonly pcns: { readonly practicesInPcn: number; readonly pcns: number };
  readonly registeredPatients: number;
  readonly providers: {
    readonly total: number;
    readonly byPopulationBand: readonly (PopulationBand & { providers: number; registeredPatients: number })[];
  };
}

export class GetLandscapeSummary extends Query<LandscapeSummary> {
  constructor(
    readonly asOf: string | undefined,
    readonly knownAt: string | undefined,
    readonly bands: readonly PopulationBand[],
    /** Only practices with one of these commissioners on asOf; null for all. */
    readonly commissioners: ReadonlySet<string> | null = null,
  ) {
    super();
  }
}
