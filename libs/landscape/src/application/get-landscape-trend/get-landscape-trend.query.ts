import { Query } from '@nestjs/cqrs';
import type { LandscapeSummary } from '../get-landscape-summary/get-landscape-summary.query.js';
import type { PopulationBand } from '../get-landscape-summary/population-bands.js';
import type { TrendInterval } from './trend-dates.js';

/** The summary's figures that a trend carries for each date (SPEC §10), with the same names and meanings. */
export interface TrendPoint {
  readonly asOf: string;
  readonly practices: LandscapeSummary['practices'];
  readonly byContractType: LandscapeSummary['byContractType'];
  readonly gps: LandscapeSummary['gps'];
  readonly subcontracted: LandscapeSummary['subcontracted'];
  readonly federations: Pick<LandscapeSummary['federations'], 'practicesInFederation'>;
  readonly pcns: Pick<LandscapeSummary['pcns'], 'practicesInPcn'>;
  readonly singleHanded: number;
  readonly withoutPartners: number;
  readonly registeredPatients: number;
  readonly providers: LandscapeSummary['providers'];
}

export interface LandscapeTrend {
  readonly knownAt: string;
  readonly every: TrendInterval;
  readonly points: readonly TrendPoint[];
}

export class GetLandscapeTrend extends Query<LandscapeTrend> {
  constructor(
    /** Ascending, at most MAX_TREND_POINTS. */
    readonly dates: readonly string[],
    readonly every: TrendInterval,
    readonly knownAt: string | undefined,
    readonly bands: readonly PopulationBand[],
    /** Only practices with one of these commissioners on each date; null for all. */
    readonly commissioners: ReadonlySet<string> | null,
  ) {
    super();
  }
}
