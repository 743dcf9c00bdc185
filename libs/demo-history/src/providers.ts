/**
 * Who can hold or run a practice's contract in the demo: trusts that take subcontracts (Royal Wolverhampton, RL4,
 * as DOMAIN.md records; the others follow its pattern and are illustrative), companies and super-partnerships
 * (fictional names).
 */
export interface TrustProgramme {
  readonly trustCode: string;
  readonly trustName: string;
  /** How many practices the trust runs from each date (national scale). */
  readonly steps: ReadonlyArray<{ readonly date: string; readonly practices: number }>;
  /** RL4's numbers are the record's own; the others scale with the number of practices. */
  readonly fixedScale: boolean;
}

export const TRUST_PROGRAMMES: readonly TrustProgramme[] = [
  {
    trustCode: 'RL4',
    trustName: 'The Royal Wolverhampton NHS Trust',
    steps: [
      { date: '2016-06-01', practices: 3 },
      { date: '2017-04-01', practices: 5 },
      { date: '2017-10-01', practices: 7 },
      { date: '2018-04-01', practices: 9 },
      { date: '2019-10-01', practices: 10 },
      { date: '2021-04-01', practices: 9 },
      { date: '2022-04-01', practices: 8 },
    ],
    fixedScale: true,
  },
  {
    trustCode: 'RA4',
    trustName: 'Yeovil District Hospital NHS Foundation Trust',
    steps: [
      { date: '2016-10-01', practices: 3 },
      { date: '2017-07-01', practices: 8 },
      { date: '2019-04-01', practices: 11 },
    ],
    fixedScale: false,
  },
  {
    trustCode: 'RTF',
    trustName: 'Northumbria Healthcare NHS Foundation Trust',
    steps: [
      { date: '2018-04-01', practices: 3 },
      { date: '2019-10-01', practices: 6 },
      { date: '2023-04-01', practices: 8 },
    ],
    fixedScale: false,
  },
  {
    trustCode: 'RBD',
    trustName: 'Dorset County Hospital NHS Foundation Trust',
    steps: [
      { date: '2019-04-01', practices: 2 },
      { date: '2020-10-01', practices: 4 },
    ],
    fixedScale: false,
  },
  {
    trustCode: 'RNA',
    trustName: 'The Dudley Group NHS Foundation Trust',
    steps: [
      { date: '2020-07-01', practices: 3 },
      { date: '2022-10-01', practices: 6 },
    ],
    fixedScale: false,
  },
];

export interface Company {
  readonly id: string;
  readonly name: string;
  readonly weight: number;
}

const COMPANY_NAMES = [
  'Northgate Primary Care Ltd',
  'Albion Health Group Ltd',
  'Meridian Medical Services Ltd',
  'Beacon Practice Partnerships Ltd',
  'Harbour GP Services Ltd',
  'Kestrel Health Ltd',
  'Oakfield Medical Group Ltd',
  'Pennine Primary Care Ltd',
  'Riverbank Healthcare Ltd',
  'Summit Family Practice Ltd',
  'Thornbury Medical Ltd',
  'Vale Community Health CIC',
  'Westgate Medical Services Ltd',
  'Ashcroft Health Ltd',
  'Brookside Practices Ltd',
  'Cedar Primary Care CIC',
  'Dunmore Healthcare Ltd',
  'Elmstead Medical Ltd',
  'Fairway GP Group Ltd',
  'Greenacre Health Services Ltd',
  'Highfield Primary Care Ltd',
  'Lakeside Medical Partnership Ltd',
  'Millbrook Health CIC',
  'Parkway Medical Services Ltd',
];

/** A few national at-scale providers hold many contracts; most companies hold one to a handful (Zipf weights). */
export const COMPANIES: readonly Company[] = COMPANY_NAMES.map((name, index) => ({
  id: slug(name),
  name,
  weight: 1 / (index + 1) ** 1.1,
}));

export const SUPER_PARTNERSHIP_NAMES = [
  'Riverside Health Partnership',
  'Northern Alliance Partnership',
  'Greenway Super Partnership',
  'Midland Family Doctors Partnership',
  'Coastal Health Partnership',
  'Heartlands GP Partnership',
  'Three Shires Medical Partnership',
  'Forest and Vale Partnership',
  'Citywide Health Partnership',
  'Wessex Primary Care Partnership',
  'Moorland Medical Partnership',
  'Eastern Counties GP Partnership',
  'Pennine Health Partnership',
  'Severn Valley Partnership',
];

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}
