import type { SummaryFacts } from '../../read-models/practice-versions/summary-facts.js';
import { landscapeFigures } from './landscape-figures.js';
import { bandsFrom } from './population-bands.js';

const practice = (
  overrides: Partial<Record<'commissioner' | 'type' | 'holder' | 'providerKind' | 'providerId' | 'trust' | 'pcn', string | null>> & {
    partners?: number;
    salaried?: number;
    patients?: number | null;
    single?: boolean;
    noPartners?: boolean;
    federations?: string[];
  },
): SummaryFacts => [
  overrides.commissioner === undefined ? '08H' : overrides.commissioner,
  overrides.type === undefined ? 'GMS' : overrides.type,
  overrides.holder === undefined ? 'partnership' : overrides.holder,
  overrides.providerKind === undefined ? 'partnership' : overrides.providerKind,
  overrides.providerId === undefined ? 'P1' : overrides.providerId,
  overrides.trust ?? null,
  overrides.pcn ?? null,
  overrides.partners ?? 2,
  overrides.salaried ?? 1,
  overrides.patients === undefined ? 5_000 : overrides.patients,
  overrides.single ?? false,
  overrides.noPartners ?? false,
  overrides.federations ?? [],
];

describe('landscape figures from summary facts', () => {
  it('given no open practice, when summarised, then every figure is zero and every band empty', () => {
    expect(landscapeFigures([], bandsFrom([20_000]))).toEqual({
      practices: { open: 0 },
      byCommissioner: {},
      byContractType: {},
      byHolderKind: {},
      gps: { partners: 0, salaried: 0, salariedShare: 0 },
      singleHanded: 0,
      withoutPartners: 0,
      subcontracted: { total: 0, byTrust: {} },
      federations: { practicesInFederation: 0, byFederation: {} },
      pcns: { practicesInPcn: 0, pcns: 0 },
      registeredPatients: 0,
      providers: {
        total: 0,
        byPopulationBand: [
          { min: 0, max: 20_000, providers: 0, registeredPatients: 0 },
          { min: 20_000, max: null, providers: 0, registeredPatients: 0 },
        ],
      },
    });
  });

  it('given practices, when summarised, then counts are keyed in code order with "none" for missing codes', () => {
    const figures = landscapeFigures(
      [
        practice({ commissioner: '99Z', providerId: 'P1' }),
        practice({ commissioner: null, type: null, holder: null, providerKind: null, providerId: null, patients: null }),
        practice({
          commissioner: '08H',
          type: 'APMS',
          holder: 'company',
          providerKind: 'company',
          providerId: 'C1',
          trust: 'RX1',
          pcn: 'U1',
          federations: ['F2', 'F1'],
        }),
        practice({ commissioner: '08H', providerId: 'P2', pcn: 'U1', federations: ['F1'], single: true, partners: 1, salaried: 0 }),
        practice({ providerId: 'P3', pcn: 'U2', noPartners: true, partners: 0, salaried: 3 }),
      ],
      bandsFrom([20_000]),
    );
    expect(Object.keys(figures.byCommissioner)).toEqual(['08H', '99Z', 'none']);
    expect(figures).toMatchObject({
      practices: { open: 5 },
      byCommissioner: { '08H': 3, '99Z': 1, none: 1 },
      byContractType: { APMS: 1, GMS: 3, none: 1 },
      byHolderKind: { company: 1, none: 1, partnership: 3 },
      gps: { partners: 7, salaried: 6, salariedShare: 0.4615 },
      singleHanded: 1,
      withoutPartners: 1,
      subcontracted: { total: 1, byTrust: { RX1: 1 } },
      federations: { practicesInFederation: 2, byFederation: { F1: 2, F2: 1 } },
      pcns: { practicesInPcn: 3, pcns: 2 },
      registeredPatients: 20_000,
    });
  });

  it('given providers holding several practices, when banded, then a provider counts once with the sum of its practices', () => {
    const figures = landscapeFigures(
      [
        practice({ providerKind: 'company', providerId: 'C1', patients: 15_000 }),
        practice({ providerKind: 'company', providerId: 'C1', patients: 10_000 }),
        // Same id, another kind: another provider.
        practice({ providerKind: 'trust', providerId: 'C1', patients: 19_999 }),
        practice({ providerKind: 'partnership', providerId: 'P9', patients: null }),
        practice({ providerKind: 'trust', providerId: 'RX1', patients: 100_000 }),
      ],
      bandsFrom([20_000, 100_000]),
    );
    expect(figures.providers).toEqual({
      total: 4,
      byPopulationBand: [
        { min: 0, max: 20_000, providers: 2, registeredPatients: 19_999 },
        { min: 20_000, max: 100_000, providers: 1, registeredPatients: 25_000 },
        { min: 100_000, max: null, providers: 1, registeredPatients: 100_000 },
      ],
    });
  });
});
