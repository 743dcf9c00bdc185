import { bandsFrom } from '../get-landscape-summary/population-bands.js';
import { trendPoints } from './trend-points.js';

describe('trend points from the aggregates', () => {
  it('given no version on any date, when assembled, then every date has zero figures and empty bands', () => {
    const [point] = trendPoints(['2016-04-01'], bandsFrom([20_000]), { totals: null, by_contract_type: null, by_trust: null, by_band: null });
    expect(point).toEqual({
      asOf: '2016-04-01',
      practices: { open: 0 },
      byContractType: {},
      gps: { partners: 0, salaried: 0, salariedShare: 0 },
      subcontracted: { total: 0, byTrust: {} },
      federations: { practicesInFederation: 0 },
      pcns: { practicesInPcn: 0 },
      singleHanded: 0,
      withoutPartners: 0,
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

  it('given aggregates for some dates, when assembled, then each lands on its date with counts in code order', () => {
    const points = trendPoints(['2016-04-01', '2016-07-01'], bandsFrom([20_000]), {
      totals: [[1, 3, 4, 3, 1, 2, 1, 1, 0, 30_000]],
      by_contract_type: [
        [1, 'none', 1],
        [1, 'APMS', 1],
        [1, 'GMS', 1],
      ],
      by_trust: [[1, 'RL4', 1]],
      by_band: [
        [1, 1, 1, 25_000],
        [1, 0, 1, 5_000],
      ],
    });
    expect(points[0].practices.open).toBe(0);
    expect(Object.keys(points[1].byContractType)).toEqual(['APMS', 'GMS', 'none']);
    expect(points[1]).toMatchObject({
      asOf: '2016-07-01',
      practices: { open: 3 },
      gps: { partners: 4, salaried: 3, salariedShare: 0.4286 },
      subcontracted: { total: 1, byTrust: { RL4: 1 } },
      federations: { practicesInFederation: 2 },
      pcns: { practicesInPcn: 1 },
      singleHanded: 1,
      withoutPartners: 0,
      registeredPatients: 30_000,
      providers: {
        total: 2,
        byPopulationBand: [
          { min: 0, max: 20_000, providers: 1, registeredPatients: 5_000 },
          { min: 20_000, max: null, providers: 1, registeredPatients: 25_000 },
        ],
      },
    });
  });
});
