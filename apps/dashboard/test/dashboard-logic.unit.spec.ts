import { matches, type PracticeChange } from '../src/changes/changes-table.js';
import { chartSpecs } from '../src/landscape/chart-specs.js';
import { providerSpells } from '../src/practice/provider-spells.js';
import type { HistoryEvent } from '../src/practice/practice-types.js';
import type { TrendPoint } from '../src/shared/landscape-types.js';

const event = (type: string, effectiveDate: string, data: Record<string, unknown>, retracted = false): HistoryEvent => ({
  eventId: `${type}-${effectiveDate}`,
  type,
  effectiveDate,
  recordedAt: '2026-01-01T00:00:00.000Z',
  recordedBy: 'test',
  retracted,
  data,
});

describe('provider over time', () => {
  it('follows the holder, a trust while subcontracted, and ends at closure; retracted events do not count', () => {
    const spells = providerSpells([
      event('PracticeOpened', '2000-01-01', { contract: { type: 'GMS', holder: { kind: 'partnership', id: 'p', name: 'Lea Partners' } } }),
      event('ContractSubcontractedToTrust', '2005-01-01', { trustCode: 'RXX', trustName: 'Wrong Trust' }, true),
      event('ContractSubcontractedToTrust', '2016-06-01', { trustCode: 'RL4', trustName: 'Royal Wolverhampton' }),
      event('PartnerJoined', '2017-01-01', { gmcNumber: '4012345', name: 'Dr A' }),
      event('TrustSubcontractEnded', '2020-01-01', { trustCode: 'RL4' }),
      event('PracticeClosed', '2022-04-01', { reason: 'merged' }),
    ]);
    expect(spells).toEqual([
      { from: '2000-01-01', until: '2016-06-01', provider: 'Lea Partners (partnership)' },
      { from: '2016-06-01', until: '2020-01-01', provider: 'Royal Wolverhampton (NHS trust RL4)' },
      { from: '2020-01-01', until: '2022-04-01', provider: 'Lea Partners (partnership)' },
    ]);
  });
});

describe('changes filter', () => {
  const change: PracticeChange = {
    odsCode: 'Y02001',
    name: 'Northgate Practice',
    change: 'changed',
    changes: { commissionerCode: { from: 'QOP', to: '14L' }, status: { from: 'open', to: 'closed' } },
  };

  it('matches by kind, field, ODS code, name and either commissioner', () => {
    expect(matches(change, { kind: 'changed', field: 'status', text: 'north' })).toBe(true);
    expect(matches(change, { kind: '', field: '', text: 'y02001' })).toBe(true);
    expect(matches(change, { kind: '', field: '', text: '14l' })).toBe(true);
    expect(matches(change, { kind: 'appeared', field: '', text: '' })).toBe(false);
    expect(matches(change, { kind: '', field: 'pcn', text: '' })).toBe(false);
  });
});

describe('trust chart', () => {
  const point = (asOf: string, byTrust: Record<string, number>): TrendPoint => ({
    asOf,
    practices: { open: 100 },
    byContractType: { GMS: 100 },
    gps: { partners: 1, salaried: 1, salariedShare: 0.5 },
    subcontracted: { total: Object.values(byTrust).reduce((a, b) => a + b, 0), byTrust },
    federations: { practicesInFederation: 0 },
    pcns: { practicesInPcn: 0 },
    singleHanded: 0,
    withoutPartners: 0,
    registeredPatients: 0,
    providers: { total: 1, byPopulationBand: [{ min: 0, max: null, providers: 1, registeredPatients: 0 }] },
  });

  it('names the six trusts with most practices at their peak and draws the rest together, adding up to the total', () => {
    const trusts = Object.fromEntries(['RA1', 'RA2', 'RA3', 'RA4', 'RA5', 'RA6', 'RA7', 'RA8'].map((code, i) => [code, i + 1]));
    const points = [point('2020-01-01', trusts)];
    const series = chartSpecs(points).find((spec) => spec.id === 'trusts')!.series;
    expect(series.map((s) => s.label)).toEqual(['RA8', 'RA7', 'RA6', 'RA5', 'RA4', 'RA3', 'Other trusts']);
    expect(series.reduce((sum, s) => sum + s.value(points[0]), 0)).toBe(points[0].subcontracted.total);
  });
});
