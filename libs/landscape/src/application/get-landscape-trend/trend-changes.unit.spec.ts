import { aggregatesFromChanges } from './trend-changes.js';

describe('trend aggregates from the read model changes', () => {
  it('given no changes, when added up, then every date has zero totals and no keyed counts', () => {
    expect(aggregatesFromChanges(2, null)).toEqual({
      totals: [
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ],
      by_contract_type: [],
      by_trust: [],
      by_band: [],
    });
  });

  it('given changes at some dates, when added up, then each date carries the running total of the changes up to it', () => {
    const aggregates = aggregatesFromChanges(3, [
      ['open', '', 0, 2],
      ['registered_patients', '', 0, '9000'],
      ['open', '', 2, -1],
      ['registered_patients', '', 2, -4000],
      ['contract_type', 'GMS', 0, 2],
      ['contract_type', 'GMS', 2, -1],
      ['contract_type', 'APMS', 1, 1],
      ['contract_type', 'APMS', 2, -1],
      ['band_providers', '0', 0, 2],
      ['band_patients', '0', 0, 9000],
      ['band_providers', '0', 2, -1],
      ['band_patients', '0', 2, -4000],
    ]);
    expect(aggregates.totals?.map((totals) => [totals[0], totals[1], totals[9]])).toEqual([
      [0, 2, 9000],
      [1, 2, 9000],
      [2, 1, 5000],
    ]);
    expect(aggregates.by_contract_type).toEqual([
      [0, 'GMS', 2],
      [1, 'GMS', 2],
      [2, 'GMS', 1],
      [1, 'APMS', 1],
    ]);
    expect(aggregates.by_band).toEqual([
      [0, 0, 2, 9000],
      [1, 0, 2, 9000],
      [2, 0, 1, 5000],
    ]);
  });
});
