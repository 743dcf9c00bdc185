import type { LandscapeSummary } from '../../src/application/get-landscape-summary/get-landscape-summary.query.js';

/** The summary's fields that a trend point carries (SPEC §10), to compare a trend point with the summary on its date. */
export const trendFieldsOf = (summary: LandscapeSummary) => ({
  asOf: summary.asOf,
  practices: summary.practices,
  byContractType: summary.byContractType,
  gps: summary.gps,
  subcontracted: summary.subcontracted,
  federations: { practicesInFederation: summary.federations.practicesInFederation },
  pcns: { practicesInPcn: summary.pcns.practicesInPcn },
  singleHanded: summary.singleHanded,
  withoutPartners: summary.withoutPartners,
  registeredPatients: summary.registeredPatients,
  providers: summary.providers,
});
