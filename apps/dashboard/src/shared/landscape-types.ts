/** The API's landscape answers as the dashboard reads them (SPEC §5 summary, §10 trend). */
export interface Band {
  readonly min: number;
  readonly max: number | null;
  readonly providers: number;
  readonly registeredPatients: number;
}

export interface TrendPoint {
  readonly asOf: string;
  readonly practices: { readonly open: number };
  readonly byContractType: Readonly<Record<string, number>>;
  readonly gps: { readonly partners: number; readonly salaried: number; readonly salariedShare: number };
  readonly subcontracted: { readonly total: number; readonly byTrust: Readonly<Record<string, number>> };
  readonly federations: { readonly practicesInFederation: number };
  readonly pcns: { readonly practicesInPcn: number };
  readonly singleHanded: number;
  readonly withoutPartners: number;
  readonly registeredPatients: number;
  readonly providers: { readonly total: number; readonly byPopulationBand: readonly Band[] };
}

export interface Summary extends TrendPoint {
  readonly knownAt: string;
  readonly byCommissioner: Readonly<Record<string, number>>;
  readonly byHolderKind: Readonly<Record<string, number>>;
  readonly federations: { readonly practicesInFederation: number; readonly byFederation: Readonly<Record<string, number>> };
  readonly pcns: { readonly practicesInPcn: number; readonly pcns: number };
}

export interface Trend {
  readonly knownAt: string;
  readonly every: string;
  readonly points: readonly TrendPoint[];
}

export const bandLabel = (band: Pick<Band, 'min' | 'max'>): string =>
  band.max === null
    ? `${band.min.toLocaleString('en-GB')} patients or more`
    : band.min === 0
      ? `Under ${band.max.toLocaleString('en-GB')} patients`
      : `${band.min.toLocaleString('en-GB')} to ${(band.max - 1).toLocaleString('en-GB')} patients`;
