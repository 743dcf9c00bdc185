import { evolve, initialState, type Contract, type PracticeState } from './index.js';
import { event, GMS_PARTNERSHIP, on, opened, partner, recorded, type Past } from '../../test/support/given-when-then.js';

const OPEN = '2004-04-01';
const fold = (events: Past[]): PracticeState => recorded(events).reduce((state, e) => evolve(state, e), initialState());
const snapshot = (events: Past[]) => {
  const state = fold(events);
  if (state.status === 'not-opened') throw new Error('expected an opened practice');
  return state;
};
const individual: Contract = { type: 'PMS', holder: { kind: 'individual', id: 'dr-jones', name: 'Dr Jones' } };
const company: Contract = { type: 'APMS', holder: { kind: 'company', id: 'at-scale-ltd', name: 'At Scale Ltd' } };

describe('evolve', () => {
  it('starts not opened and ignores anything before the opening', () => {
    expect(initialState()).toEqual({ status: 'not-opened' });
    expect(fold([on('2000-01-01', event('PracticeRenamed', { name: 'X' }))])).toEqual({ status: 'not-opened' });
  });

  it('opens a practice with its recorded data and empty lists', () => {
    expect(snapshot([opened(OPEN)])).toEqual({
      odsCode: 'M92011',
      name: 'Practice M92011',
      status: 'open',
      openedOn: OPEN,
      closedOn: null,
      commissionerCode: '00K',
      contract: GMS_PARTNERSHIP,
      provider: GMS_PARTNERSHIP.holder,
      partners: [],
      salariedGps: [],
      partnerCount: 0,
      salariedCount: 0,
      subcontract: null,
      federations: [],
      pcn: null,
      registeredPatients: null,
      singleHanded: false,
      withoutPartners: true,
      mergedInto: null,
    });
  });

  it('folds every kind of change', () => {
    const state = snapshot([
      opened(OPEN),
      on('2005-01-01', event('PracticeRenamed', { name: 'Church Street Surgery' })),
      on('2005-01-01', event('CommissionerChanged', { commissionerCode: '5E1' })),
      on('2005-01-01', event('PartnerJoined', partner('4000001'))),
      on('2005-01-01', event('PartnerJoined', partner('4000002'))),
      on('2005-01-01', event('PartnerJoined', partner('4000003'))),
      on('2005-01-01', event('SalariedGpJoined', partner('4000004'))),
      on('2006-01-01', event('PartnerExited', { gmcNumber: '4000001', reason: 'retirement' })),
      on('2006-01-01', event('PartnerConvertedToSalaried', { gmcNumber: '4000002', employer: 'practice' })),
      on('2006-01-01', event('SalariedGpLeft', partner('4000004'))),
      on('2013-04-01', event('FederationJoined', { federationId: 'fed-a', federationName: 'A' })),
      on('2014-04-01', event('FederationJoined', { federationId: 'fed-b', federationName: 'B' })),
      on('2015-04-01', event('FederationLeft', { federationId: 'fed-a', federationName: 'A' })),
      on('2016-04-01', event('ContractSubcontractedToTrust', { trustCode: 'RL4', trustName: 'Royal Wolverhampton' })),
      on('2019-07-01', event('PcnJoined', { pcnCode: 'U12345', pcnName: 'North' })),
      on('2020-01-01', event('ListSizeRecorded', { registeredPatients: 9724 })),
      on('2020-01-01', event('PracticeAbsorbed', { fromOdsCode: 'M92012' })),
    ]);
    expect(state).toMatchObject({
      name: 'Church Street Surgery',
      commissionerCode: '5E1',
      partners: [partner('4000003')],
      salariedGps: [partner('4000002')],
      partnerCount: 1,
      salariedCount: 1,
      federations: [{ federationId: 'fed-b', federationName: 'B', since: '2014-04-01' }],
      subcontract: { trustCode: 'RL4', trustName: 'Royal Wolverhampton', since: '2016-04-01' },
      provider: { kind: 'nhs-trust', id: 'RL4', name: 'Royal Wolverhampton' },
      pcn: { pcnCode: 'U12345', pcnName: 'North' },
      registeredPatients: 9724,
      status: 'open',
    });
  });

  it('ends a subcontract, leaves a PCN and changes the contract', () => {
    const state = snapshot([
      opened(OPEN),
      on('2016-04-01', event('ContractSubcontractedToTrust', { trustCode: 'RL4', trustName: 'Royal Wolverhampton' })),
      on('2019-07-01', event('PcnJoined', { pcnCode: 'U12345', pcnName: 'North' })),
      on('2020-04-01', event('TrustSubcontractEnded', { trustCode: 'RL4' })),
      on('2020-04-01', event('PcnLeft', { pcnCode: 'U12345', pcnName: 'North' })),
      on('2021-04-01', event('ContractChanged', company)),
    ]);
    expect(state).toMatchObject({ subcontract: null, pcn: null, contract: company, provider: company.holder });
  });

  it('closes, keeping the last lists, and records the practice merged into', () => {
    const before = [opened(OPEN), on('2005-01-01', event('PartnerJoined', partner('4000001')))];
    expect(snapshot([...before, on('2020-04-01', event('PracticeClosed', { reason: 'retired' }))])).toMatchObject({
      status: 'closed',
      closedOn: '2020-04-01',
      mergedInto: null,
      partners: [partner('4000001')],
      withoutPartners: false,
    });
    const merged = snapshot([...before, on('2020-04-01', event('PracticeMerged', { intoOdsCode: 'M92012' }))]);
    expect(merged).toMatchObject({ status: 'closed', closedOn: '2020-04-01', mergedInto: 'M92012' });
    // nothing applies after closure
    const closed = [...before, on('2020-04-01', event('PracticeClosed', { reason: 'x' }))];
    expect(fold([...closed, on('2021-01-01', event('PracticeRenamed', { name: 'Y' }))])).toEqual(fold(closed));
  });
});

describe('derived fields', () => {
  const partners = (count: number) => Array.from({ length: count }, (_, i) => on('2005-01-01', event('PartnerJoined', partner(`400000${i}`))));

  it.each([
    { kind: 'partnership', contract: GMS_PARTNERSHIP, count: 1, expected: true },
    { kind: 'partnership', contract: GMS_PARTNERSHIP, count: 2, expected: false },
    { kind: 'partnership', contract: GMS_PARTNERSHIP, count: 0, expected: false },
    { kind: 'individual', contract: individual, count: 1, expected: true },
    { kind: 'company', contract: company, count: 1, expected: false },
  ])('singleHanded is $expected for a $kind holder with $count partners', ({ contract, count, expected }) => {
    expect(snapshot([opened(OPEN, contract), ...partners(count)]).singleHanded).toBe(expected);
  });

  it('withoutPartners: a GP-held contract with no partner, while open and not subcontracted', () => {
    expect(snapshot([opened(OPEN)]).withoutPartners).toBe(true);
    expect(snapshot([opened(OPEN, individual)]).withoutPartners).toBe(true);
    expect(snapshot([opened(OPEN), ...partners(1)]).withoutPartners).toBe(false);
    expect(snapshot([opened(OPEN, company)]).withoutPartners).toBe(false);
    expect(snapshot([opened(OPEN, null)]).withoutPartners).toBe(false);
    const subcontracted = on('2016-04-01', event('ContractSubcontractedToTrust', { trustCode: 'RL4', trustName: 'Trust' }));
    expect(snapshot([opened(OPEN), subcontracted]).withoutPartners).toBe(false);
    expect(snapshot([opened(OPEN), on('2020-01-01', event('PracticeClosed', { reason: 'x' }))]).withoutPartners).toBe(false);
  });

  it('provider: the trust when subcontracted, else the holder, else none', () => {
    expect(snapshot([opened(OPEN, null)]).provider).toBeNull();
    expect(snapshot([opened(OPEN, individual)]).provider).toEqual(individual.holder);
    const subcontracted = on('2016-04-01', event('ContractSubcontractedToTrust', { trustCode: 'RL4', trustName: 'Trust' }));
    expect(snapshot([opened(OPEN, individual), subcontracted]).provider).toEqual({ kind: 'nhs-trust', id: 'RL4', name: 'Trust' });
  });
});
