import { EventNotFoundError, PracticeAlreadyExistsError, PracticeNotFoundError, RuleCode } from './index.js';
import { command, decided, event, given, GMS_PARTNERSHIP, ODS, on, opened, partner } from '../../test/support/given-when-then.js';

const OPEN = '2004-04-01';
const D = '2021-04-01';

describe('decide: every command records its event', () => {
  it('opens a practice, defaulting commissioner and contract to none', () => {
    given([])
      .when(command('OpenPractice', { name: 'Church Street Surgery', openedOn: OPEN }))
      .then([decided(OPEN, event('PracticeOpened', { odsCode: ODS, name: 'Church Street Surgery', commissionerCode: null, contract: null }))]);
    given([])
      .when(command('OpenPractice', { name: 'Church Street Surgery', openedOn: OPEN, commissionerCode: '5E1', contract: GMS_PARTNERSHIP }))
      .then([
        decided(OPEN, event('PracticeOpened', { odsCode: ODS, name: 'Church Street Surgery', commissionerCode: '5E1', contract: GMS_PARTNERSHIP })),
      ]);
  });

  it('refuses to open a practice twice', () => {
    given([opened(OPEN)])
      .when(command('OpenPractice', { name: 'Again', openedOn: D }))
      .thenThrows(PracticeAlreadyExistsError);
  });

  it('opens again a practice whose opening was retracted (a correction of its open date)', () => {
    given([opened(OPEN, null, ODS), on(OPEN, event('EventRetracted', { eventId: 'e1', reason: 'wrong date' }))])
      .when(command('OpenPractice', { name: 'Church Street Surgery', openedOn: D }))
      .then([decided(D, event('PracticeOpened', { odsCode: ODS, name: 'Church Street Surgery', commissionerCode: null, contract: null }))]);
  });

  it('refuses any other command on a practice not in the register', () => {
    given([])
      .when(command('RenamePractice', { name: 'X', effectiveDate: D }))
      .thenThrows(PracticeNotFoundError);
    given([opened(OPEN), on(OPEN, event('EventRetracted', { eventId: 'e1', reason: 'error' }))])
      .when(command('RenamePractice', { name: 'X', effectiveDate: D }))
      .thenThrows(PracticeNotFoundError);
    given([])
      .when(command('RetractEvent', { eventId: 'e1', reason: 'x' }))
      .thenThrows(PracticeNotFoundError);
  });

  const history = [
    opened(OPEN),
    on('2005-01-01', event('PartnerJoined', partner('4012345'))),
    on('2005-01-01', event('SalariedGpJoined', partner('4099999'))),
    on('2013-04-01', event('FederationJoined', { federationId: 'wolverhampton-gp-federation', federationName: 'Wolverhampton GP Federation' })),
    on('2019-07-01', event('PcnJoined', { pcnCode: 'U12345', pcnName: 'North Wolverhampton PCN' })),
  ];

  it.each([
    { cmd: command('RenamePractice', { name: 'New Name', effectiveDate: D }), expected: event('PracticeRenamed', { name: 'New Name' }) },
    {
      cmd: command('ChangeCommissioner', { commissionerCode: '05Q', effectiveDate: D }),
      expected: event('CommissionerChanged', { commissionerCode: '05Q' }),
    },
    {
      cmd: command('ChangeCommissioner', { commissionerCode: null, effectiveDate: D }),
      expected: event('CommissionerChanged', { commissionerCode: null }),
    },
    {
      cmd: command('ChangeContract', {
        contract: { type: 'APMS', holder: { kind: 'company', id: 'at-scale-ltd', name: 'At Scale Ltd' } },
        effectiveDate: D,
      }),
      expected: event('ContractChanged', { type: 'APMS', holder: { kind: 'company', id: 'at-scale-ltd', name: 'At Scale Ltd' } }),
    },
    { cmd: command('AddPartner', { ...partner('4000001'), effectiveDate: D }), expected: event('PartnerJoined', partner('4000001')) },
    {
      cmd: command('RecordPartnerExit', { gmcNumber: '4012345', reason: 'retirement', effectiveDate: D }),
      expected: event('PartnerExited', { gmcNumber: '4012345', reason: 'retirement' }),
    },
    {
      cmd: command('ConvertPartnerToSalaried', { gmcNumber: '4012345', employer: 'practice', effectiveDate: D }),
      expected: event('PartnerConvertedToSalaried', { gmcNumber: '4012345', employer: 'practice' }),
    },
    { cmd: command('AddSalariedGp', { ...partner('4000002'), effectiveDate: D }), expected: event('SalariedGpJoined', partner('4000002')) },
    { cmd: command('RecordSalariedGpLeaving', { gmcNumber: '4099999', effectiveDate: D }), expected: event('SalariedGpLeft', partner('4099999')) },
    {
      cmd: command('SubcontractToTrust', { trustCode: 'RL4', trustName: 'The Royal Wolverhampton NHS Trust', effectiveDate: D }),
      expected: event('ContractSubcontractedToTrust', { trustCode: 'RL4', trustName: 'The Royal Wolverhampton NHS Trust' }),
    },
    {
      cmd: command('JoinFederation', { federationId: 'city-gp-alliance', federationName: 'City GP Alliance', effectiveDate: D }),
      expected: event('FederationJoined', { federationId: 'city-gp-alliance', federationName: 'City GP Alliance' }),
    },
    {
      cmd: command('LeaveFederation', { federationId: 'wolverhampton-gp-federation', effectiveDate: D }),
      expected: event('FederationLeft', { federationId: 'wolverhampton-gp-federation', federationName: 'Wolverhampton GP Federation' }),
    },
    { cmd: command('LeavePcn', { effectiveDate: D }), expected: event('PcnLeft', { pcnCode: 'U12345', pcnName: 'North Wolverhampton PCN' }) },
    {
      cmd: command('RecordListSize', { registeredPatients: 8123, effectiveDate: D }),
      expected: event('ListSizeRecorded', { registeredPatients: 8123 }),
    },
    {
      cmd: command('ClosePractice', { reason: 'contract ended', effectiveDate: D }),
      expected: event('PracticeClosed', { reason: 'contract ended' }),
    },
  ])('$cmd.type records $expected.type', ({ cmd, expected }) => {
    given(history)
      .when(cmd)
      .then([decided(D, expected)]);
  });

  it('joins a PCN and ends a trust subcontract, taking the trust from the state', () => {
    given([opened(OPEN)])
      .when(command('JoinPcn', { pcnCode: 'U12345', pcnName: 'North PCN', effectiveDate: '2019-07-01' }))
      .then([decided('2019-07-01', event('PcnJoined', { pcnCode: 'U12345', pcnName: 'North PCN' }))]);
    given([opened(OPEN), on('2016-04-01', event('ContractSubcontractedToTrust', { trustCode: 'RL4', trustName: 'Royal Wolverhampton' }))])
      .when(command('EndTrustSubcontract', { effectiveDate: '2020-04-01' }))
      .then([decided('2020-04-01', event('TrustSubcontractEnded', { trustCode: 'RL4' }))]);
  });

  it('takes the leaving data from the state on the effective date, not from the latest state', () => {
    const renamedSpell = [
      opened(OPEN),
      on('2019-07-01', event('PcnJoined', { pcnCode: 'U11111', pcnName: 'First PCN' })),
      on('2021-04-01', event('PcnLeft', { pcnCode: 'U11111', pcnName: 'First PCN' })),
      on('2021-04-01', event('PcnJoined', { pcnCode: 'U22222', pcnName: 'Second PCN' })),
    ];
    given(renamedSpell)
      .when(command('LeavePcn', { effectiveDate: '2022-01-01' }))
      .then([decided('2022-01-01', event('PcnLeft', { pcnCode: 'U22222', pcnName: 'Second PCN' }))]);
  });

  it('records future-dated (planned) changes', () => {
    given([opened(OPEN)])
      .when(command('ClosePractice', { reason: 'planned closure', effectiveDate: '2099-03-31' }))
      .then([decided('2099-03-31', event('PracticeClosed', { reason: 'planned closure' }))]);
  });
});

describe('decide: retractions', () => {
  const history = [opened(OPEN), on('2010-01-01', event('PracticeRenamed', { name: 'Typo Surgery' }))];

  it('retracts an event, dated at the retracted event', () => {
    given(history)
      .when(command('RetractEvent', { eventId: 'e2', reason: 'recorded in error' }))
      .then([decided('2010-01-01', event('EventRetracted', { eventId: 'e2', reason: 'recorded in error' }))]);
  });

  it('finds the event whatever the case of its id', () => {
    given([opened(OPEN), on('2010-01-01', event('PracticeRenamed', { name: 'X' }), { id: 'AB12' })])
      .when(command('RetractEvent', { eventId: 'ab12', reason: 'error' }))
      .then([decided('2010-01-01', event('EventRetracted', { eventId: 'AB12', reason: 'error' }))]);
  });

  it('refuses an event not on the stream', () => {
    given(history)
      .when(command('RetractEvent', { eventId: 'nope', reason: 'x' }))
      .thenThrows(EventNotFoundError);
  });

  it('refuses an event already retracted', () => {
    given([...history, on('2010-01-01', event('EventRetracted', { eventId: 'e2', reason: 'error' }))])
      .when(command('RetractEvent', { eventId: 'e2', reason: 'again' }))
      .then(RuleCode.EVENT_ALREADY_RETRACTED);
  });

  it('refuses to retract a retraction or either half of a merge', () => {
    const retracted = [...history, on('2010-01-01', event('EventRetracted', { eventId: 'e2', reason: 'error' }))];
    given(retracted)
      .when(command('RetractEvent', { eventId: 'e3', reason: 'undo' }))
      .then(RuleCode.NOT_RETRACTABLE);
    const merged = [opened(OPEN), on('2020-04-01', event('PracticeMerged', { intoOdsCode: 'M92012' }))];
    given(merged)
      .when(command('RetractEvent', { eventId: 'e2', reason: 'x' }))
      .then(RuleCode.NOT_RETRACTABLE);
    const absorbed = [opened(OPEN), on('2020-04-01', event('PracticeAbsorbed', { fromOdsCode: 'M92012' }))];
    given(absorbed)
      .when(command('RetractEvent', { eventId: 'e2', reason: 'x' }))
      .then(RuleCode.NOT_RETRACTABLE);
  });

  it('retracts the opening of a practice with nothing else recorded', () => {
    given([opened(OPEN)])
      .when(command('RetractEvent', { eventId: 'e1', reason: 'wrong practice' }))
      .then([decided(OPEN, event('EventRetracted', { eventId: 'e1', reason: 'wrong practice' }))]);
  });
});
