/**
 * The numbers the demo history is calibrated to (../shared/DOMAIN.md). Curves are [fractional year, value] points,
 * interpolated linearly and held flat beyond their ends.
 */
export type Curve = ReadonlyArray<readonly [number, number]>;

export function valueOn(curve: Curve, year: number): number {
  if (year <= curve[0][0]) return curve[0][1];
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i];
    if (year <= x1) {
      const [x0, y0] = curve[i - 1];
      return y0 + ((y1 - y0) * (year - x0)) / (x1 - x0);
    }
  }
  return curve[curve.length - 1][1];
}

/** The history starts on 1 April of the first year: the 2004 GMS contract began on 1 April 2004. */
export const HISTORY_START_MONTH_DAY = '04-01';
export const PCTS_ESTABLISHED = '2002-04-01';
export const PCTS_ABOLISHED = '2013-04-01';
export const FEDERATIONS_FROM = '2013-04-01';
export const PCNS_START = '2019-07-01';
/** NHS Digital published registered patients quarterly, then monthly from April 2017. */
export const MONTHLY_LIST_SIZES_FROM = '2017-04-01';

/** CCG mergers: 191 CCGs before April 2020, 135 after, 106 from April 2021 (sub-ICB locations kept the codes). */
export const CCG_MERGER_WAVES = [
  { date: '2020-04-01', remainingShare: 135 / 191 },
  { date: '2021-04-01', remainingShare: 106 / 135 },
] as const;

/** Contract holder kinds of the practices open when the history starts (2004). */
export const HOLDER_MIX_AT_START = [
  ['partnership', 0.8],
  ['individual', 0.15],
  ['company', 0.025],
  ['pct', 0.025],
] as const;

/** Companies at the start: half hold APMS contracts, half GMS/PMS (GP-owned companies). */
export const COMPANY_APMS_SHARE_AT_START = 0.5;
/** When companies take over, most are local (one area), the rest national at-scale providers. */
export const LOCAL_COMPANY_SHARE = 0.7;
/** Contract type for GP-held contracts at the start: PMS was ~40% by 2004. */
export const PMS_SHARE_AT_START = 0.4;
/** PMS reviews (2015–2018) moved many PMS practices to GMS. */
export const PMS_REVIEW = { from: '2015-04-01', to: '2018-03-31', probability: 0.4 } as const;
/** APMS contracts run about five years; at each end a new provider may take over. */
export const APMS_TERM_YEARS = 5;
export const APMS_NEW_PROVIDER_AT_RENEWAL = 0.4;
/** A GP-held practice left without partners is handed to a company (caretaker, then APMS) this often. */
export const CARETAKER_SHARE = 0.15;

/** Registered patients per GP (headcount), and the partner share of GPs (74% Sept 2015, 61% April 2022). */
export const PATIENTS_PER_GP: Curve = [
  [2004, 1650],
  [2013, 1700],
  [2018, 1850],
  [2022, 1950],
  [2026, 2000],
];
export const PARTNER_SHARE: Curve = [
  [2004, 0.8],
  [2010, 0.78],
  [2015.7, 0.735],
  [2022.3, 0.585],
  [2026, 0.54],
];
/** Companies and trusts employ only salaried GPs, so GP-held practices keep a little above the national share. */
export const PARTNER_SHARE_IN_GP_HELD = 1.09;
/** Yearly chance that a partner converts to a salaried post, on top of rebalancing towards the share. */
export const PARTNER_CONVERSION_PER_YEAR: Curve = [
  [2004, 0.004],
  [2015, 0.012],
  [2022, 0.02],
];
export const PARTNER_EXIT_REASONS = [
  ['retirement', 0.66],
  ['resignation', 0.27],
  ['other', 0.05],
  ['death', 0.02],
] as const;
/** Years a new partner stays a partner, and a salaried GP's mean tenure. */
export const PARTNER_CAREER_YEARS = { min: 6, max: 30 } as const;
export const SALARIED_TENURE_MEAN_YEARS = 4.5;

/** List sizes: lognormal around the 2004 median, national growth, and each practice's own trend. */
export const LIST_SIZE = {
  median: 6200,
  sigma: 0.5,
  min: 900,
  max: 32_000,
  singleHandedScale: 0.55,
  growthPerYear: 0.009,
  growthDeviation: 0.01,
  observationNoise: 0.004,
  /** Share of a merged practice's patients the receiving practice keeps; a closed practice's go to neighbours. */
  mergeRetention: 0.95,
  closureRetention: 0.9,
} as const;

/** Yearly chance a practice ends (closes or merges), by year, and how much riskier some practices are. */
// Practices: ~8,200 (2004), 8,106 (April 2013), 7,851 (May 2015), 7,017 (Dec 2018), 6,495 (June 2022), 6,229 (July 2025).
// The base rates are below those falls because the risk factors below raise the average.
export const ENDING_HAZARD: Curve = [
  [2004, 0.003],
  [2012.9, 0.003],
  [2013, 0.013],
  [2015.3, 0.013],
  [2015.4, 0.029],
  [2018.9, 0.029],
  [2019, 0.021],
  [2022.5, 0.021],
  [2022.6, 0.013],
  [2026, 0.013],
];
export const ENDING_RISK = { individual: 1.6, company: 1.5, smallList: 1.8, smallListBelow: 3000 } as const;
export const MERGER_SHARE = 0.55;

/** Practices generated (when none are imported) that open after the start: mostly the 2008–2010 APMS wave. */
export const LATER_OPENING_SHARE = 0.04;
export const LATER_OPENING_YEARS = [
  [2005, 1],
  [2006, 1],
  [2007, 1],
  [2008, 3],
  [2009, 8],
  [2010, 3],
  [2012, 1],
  [2015, 2],
  [2017, 1],
] as const;

/** Federations from 2013 (about 238 by 2016 for ~210 CCGs): per commissioner area, 0–2, most practices join. */
export const FEDERATIONS_PER_AREA = [
  [0, 0.05],
  [1, 0.72],
  [2, 0.23],
] as const;
export const FEDERATION = { formedBy: '2017-12-31', joinShare: 0.78, joinDelayMonths: 18, leavePerYear: 0.012 } as const;

/** Super-partnerships (11 counted around 2016 among ~7,500 practices): GP partnerships taking on many contracts. */
export const SUPER_PARTNERSHIPS_PER_PRACTICE = 11 / 7500;
export const SUPER_PARTNERSHIP = { from: 2016, to: 2021, memberShare: 0.35 } as const;

/** PCNs from 1 July 2019: about 1,250 nationally, each serving 30,000–50,000 patients. */
export const PCN = { targetMin: 34_000, targetMax: 50_000, joinShare: 0.995, movePerYear: 0.008 } as const;

/** Late-recorded corrections: share of practices with each kind. */
export const CORRECTIONS = { listSizeTypo: 0.03, latePartnerJoin: 0.02, mistakenFederation: 0.01 } as const;
