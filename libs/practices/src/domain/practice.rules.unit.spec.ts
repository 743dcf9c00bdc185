import { RuleCode } from './index.js';
import { command, decided, event, given, on, opened, partner, type Past } from '../../test/support/given-when-then.js';

const OPEN = '2004-04-01';
const APMS_COMPANY = { type: 'APMS' as const, holder: { kind: 'company' as const, id: 'at-scale-ltd', name: 'At Scale Ltd' } };
const joinedPartner = (date: string, gmc: string) => on(date, event('PartnerJoined', partner(gmc)));
const joinedSalaried = (date: string, gmc: string) => on(date, event('SalariedGpJoined', partner(gmc)));
const subcontracted = (date: string) => on(date, event('ContractSubcontractedToTrust', { trustCode: 'RL4', trustName: 'Royal Wolverhampton' }));
const joinedFederation = (date: string, id = 'wolverhampton-gp-federation') =>
  on(date, event('FederationJoined', { federationId: id, federationName: `Federation ${id}` }));
const joinedPcn = (date: string, pcnCode = 'U12345') => on(date, event('PcnJoined', { pcnCode, pcnName: `PCN ${pcnCode}` }));

describe('lifetime: nothing before opening, nothing on or after closure', () => {
  const rename = (effectiveDate: string) => command('RenamePractice', { name: 'New', effectiveDate });

  it('refuses a change before the open date and accepts one on it', () => {
    const refusal = given([opened(OPEN)])
      .when(rename('2004-03-31'))
      .thenRefused(RuleCode.BEFORE_OPENING);
    expect(refusal.detail).toContain('it opens on 2004-04-01');
    given([opened(OPEN)])
      .when(rename(OPEN))
      .then([decided(OPEN, event('PracticeRenamed', { name: 'New' }))]);
  });

  it('refuses a change on or after the closure date and accepts one the day before', () => {
    const closed = [opened(OPEN), on('2020-04-01', event('PracticeClosed', { reason: 'retired' }))];
    given(closed).when(rename('2020-04-01')).then(RuleCode.PRACTICE_CLOSED);
    given(closed).when(rename('2021-01-01')).then(RuleCode.PRACTICE_CLOSED);
    given(closed)
      .when(command('ClosePractice', { reason: 'again', effectiveDate: '2020-05-01' }))
      .then(RuleCode.PRACTICE_CLOSED);
    given(closed)
      .when(rename('2020-03-31'))
      .then([decided('2020-03-31', event('PracticeRenamed', { name: 'New' }))]);
  });

  it('refuses a change on or after a merger, naming the practice merged into', () => {
    const merged = [opened(OPEN), on('2020-04-01', event('PracticeMerged', { intoOdsCode: 'M92012' }))];
    const refusal = given(merged).when(rename('2020-04-01')).thenRefused(RuleCode.PRACTICE_CLOSED);
    expect(refusal.detail).toContain('merged into M92012 on 2020-04-01');
  });
});

describe('partners and salaried GPs', () => {
  const base = [opened(OPEN), joinedPartner('2005-01-01', '4012345'), joinedSalaried('2005-01-01', '4099999')];
  const exit = (gmcNumber: string, effectiveDate = '2010-01-01') => command('RecordPartnerExit', { gmcNumber, reason: 'resignation', effectiveDate });
  const convert = (gmcNumber: string, effectiveDate = '2010-01-01') =>
    command('ConvertPartnerToSalaried', { gmcNumber, employer: 'trust', effectiveDate });

  it('NOT_A_PARTNER: exit or conversion of someone who is not a partner on that date', () => {
    const refusal = given(base).when(exit('4000000')).thenRefused(RuleCode.NOT_A_PARTNER);
    expect(refusal.detail).toBe('GP 4000000 is not a partner of M92011 on 2010-01-01');
    given(base).when(exit('4012345', '2004-12-31')).then(RuleCode.NOT_A_PARTNER);
    given(base).when(convert('4099999')).then(RuleCode.NOT_A_PARTNER);
    given([...base, on('2008-01-01', event('PartnerExited', { gmcNumber: '4012345', reason: 'retirement' }))])
      .when(exit('4012345'))
      .then(RuleCode.NOT_A_PARTNER);
    given(base)
      .when(exit('4012345'))
      .then([decided('2010-01-01', event('PartnerExited', { gmcNumber: '4012345', reason: 'resignation' }))]);
    given(base)
      .when(convert('4012345'))
      .then([decided('2010-01-01', event('PartnerConvertedToSalaried', { gmcNumber: '4012345', employer: 'trust' }))]);
  });

  it('ALREADY_A_PARTNER: joining twice, but rejoining after leaving is fine', () => {
    const add = (effectiveDate: string) => command('AddPartner', { ...partner('4012345'), effectiveDate });
    given(base).when(add('2010-01-01')).then(RuleCode.ALREADY_A_PARTNER);
    const left = [...base, on('2008-01-01', event('PartnerExited', { gmcNumber: '4012345', reason: 'other' }))];
    given(left)
      .when(add('2010-01-01'))
      .then([decided('2010-01-01', event('PartnerJoined', partner('4012345')))]);
  });

  it('PARTNER_AND_SALARIED: nobody is partner and salaried GP at once', () => {
    given(base)
      .when(command('AddPartner', { ...partner('4099999'), effectiveDate: '2010-01-01' }))
      .then(RuleCode.PARTNER_AND_SALARIED);
    given(base)
      .when(command('AddSalariedGp', { ...partner('4012345'), effectiveDate: '2010-01-01' }))
      .then(RuleCode.PARTNER_AND_SALARIED);
    const converted = [...base, on('2008-01-01', event('PartnerConvertedToSalaried', { gmcNumber: '4012345', employer: 'practice' }))];
    given(converted)
      .when(command('AddPartner', { ...partner('4012345'), effectiveDate: '2010-01-01' }))
      .then(RuleCode.PARTNER_AND_SALARIED);
    const salariedLeft = [...base, on('2008-01-01', event('SalariedGpLeft', partner('4099999')))];
    given(salariedLeft)
      .when(command('AddPartner', { ...partner('4099999'), effectiveDate: '2010-01-01' }))
      .then([decided('2010-01-01', event('PartnerJoined', partner('4099999')))]);
  });

  it('ALREADY_SALARIED and NOT_SALARIED', () => {
    given(base)
      .when(command('AddSalariedGp', { ...partner('4099999'), effectiveDate: '2010-01-01' }))
      .then(RuleCode.ALREADY_SALARIED);
    given(base)
      .when(command('RecordSalariedGpLeaving', { gmcNumber: '4012345', effectiveDate: '2010-01-01' }))
      .then(RuleCode.NOT_SALARIED);
    const converted = [...base, on('2008-01-01', event('PartnerConvertedToSalaried', { gmcNumber: '4012345', employer: 'practice' }))];
    given(converted)
      .when(command('RecordSalariedGpLeaving', { gmcNumber: '4012345', effectiveDate: '2010-01-01' }))
      .then([decided('2010-01-01', event('SalariedGpLeft', partner('4012345')))]);
  });
});

describe('subcontracting to a trust', () => {
  const subcontract = (effectiveDate = '2016-04-01') =>
    command('SubcontractToTrust', { trustCode: 'RL4', trustName: 'Royal Wolverhampton', effectiveDate });
  const accepted = [decided('2016-04-01', event('ContractSubcontractedToTrust', { trustCode: 'RL4', trustName: 'Royal Wolverhampton' }))];

  it('NO_CONTRACT: there is no contract to subcontract', () => {
    given([opened(OPEN, null)])
      .when(subcontract())
      .then(RuleCode.NO_CONTRACT);
  });

  it('CONTRACT_NOT_SUBCONTRACTABLE: only GMS and PMS contracts', () => {
    given([opened(OPEN, APMS_COMPANY)])
      .when(subcontract())
      .then(RuleCode.CONTRACT_NOT_SUBCONTRACTABLE);
    const pcts = { type: 'PCTMS' as const, holder: { kind: 'nhs-trust' as const, id: 'rl4', name: 'Trust' } };
    given([opened(OPEN, pcts)])
      .when(subcontract())
      .then(RuleCode.CONTRACT_NOT_SUBCONTRACTABLE);
    given([opened(OPEN)])
      .when(subcontract())
      .then(accepted);
    const pms = { type: 'PMS' as const, holder: { kind: 'individual' as const, id: 'dr-jones', name: 'Dr Jones' } };
    given([opened(OPEN, pms)])
      .when(subcontract())
      .then(accepted);
  });

  it('ALREADY_SUBCONTRACTED, and a new subcontract after the last one ended', () => {
    given([opened(OPEN), subcontracted('2015-01-01')])
      .when(subcontract())
      .then(RuleCode.ALREADY_SUBCONTRACTED);
    const ended = [opened(OPEN), subcontracted('2015-01-01'), on('2015-06-01', event('TrustSubcontractEnded', { trustCode: 'RL4' }))];
    given(ended).when(subcontract()).then(accepted);
  });

  it('NOT_SUBCONTRACTED: ending a subcontract that does not exist on that date', () => {
    const end = (effectiveDate: string) => command('EndTrustSubcontract', { effectiveDate });
    given([opened(OPEN)])
      .when(end('2016-04-01'))
      .then(RuleCode.NOT_SUBCONTRACTED);
    given([opened(OPEN), subcontracted('2017-01-01')])
      .when(end('2016-04-01'))
      .then(RuleCode.NOT_SUBCONTRACTED);
  });

  it('CONTRACT_SUBCONTRACTED: a subcontracted contract cannot become APMS or PCTMS, but can vary between GMS and PMS', () => {
    const change = (contract: typeof APMS_COMPANY | { type: 'PMS'; holder: typeof APMS_COMPANY.holder }) =>
      command('ChangeContract', { contract, effectiveDate: '2018-01-01' });
    given([opened(OPEN), subcontracted('2016-04-01')])
      .when(change(APMS_COMPANY))
      .then(RuleCode.CONTRACT_SUBCONTRACTED);
    const pms = { type: 'PMS' as const, holder: APMS_COMPANY.holder };
    given([opened(OPEN), subcontracted('2016-04-01')])
      .when(change(pms))
      .then([decided('2018-01-01', event('ContractChanged', pms))]);
    given([opened(OPEN)])
      .when(change(APMS_COMPANY))
      .then([decided('2018-01-01', event('ContractChanged', APMS_COMPANY))]);
  });
});

describe('federations and PCNs', () => {
  const join = (federationId: string) => command('JoinFederation', { federationId, federationName: 'Some Federation', effectiveDate: '2016-01-01' });

  it('ALREADY_IN_FEDERATION: no double membership, but several federations at once', () => {
    const member: Past[] = [opened(OPEN), joinedFederation('2014-01-01')];
    given(member).when(join('wolverhampton-gp-federation')).then(RuleCode.ALREADY_IN_FEDERATION);
    given(member)
      .when(join('city-gp-alliance'))
      .then([decided('2016-01-01', event('FederationJoined', { federationId: 'city-gp-alliance', federationName: 'Some Federation' }))]);
  });

  it('NOT_IN_FEDERATION: leaving a federation the practice is not in on that date', () => {
    const leave = (effectiveDate: string) => command('LeaveFederation', { federationId: 'wolverhampton-gp-federation', effectiveDate });
    given([opened(OPEN)])
      .when(leave('2016-01-01'))
      .then(RuleCode.NOT_IN_FEDERATION);
    given([opened(OPEN), joinedFederation('2014-01-01')])
      .when(leave('2013-12-31'))
      .then(RuleCode.NOT_IN_FEDERATION);
  });

  it('ALREADY_IN_PCN: at most one PCN at a time; joining another after leaving is fine', () => {
    const join = command('JoinPcn', { pcnCode: 'U54321', pcnName: 'South PCN', effectiveDate: '2021-01-01' });
    given([opened(OPEN), joinedPcn('2019-07-01')])
      .when(join)
      .then(RuleCode.ALREADY_IN_PCN);
    const left = [opened(OPEN), joinedPcn('2019-07-01'), on('2020-04-01', event('PcnLeft', { pcnCode: 'U12345', pcnName: 'PCN U12345' }))];
    given(left)
      .when(join)
      .then([decided('2021-01-01', event('PcnJoined', { pcnCode: 'U54321', pcnName: 'South PCN' }))]);
  });

  it('NOT_IN_PCN: leaving when in no PCN on that date', () => {
    given([opened(OPEN)])
      .when(command('LeavePcn', { effectiveDate: '2020-01-01' }))
      .then(RuleCode.NOT_IN_PCN);
    given([opened(OPEN), joinedPcn('2019-07-01')])
      .when(command('LeavePcn', { effectiveDate: '2019-06-30' }))
      .then(RuleCode.NOT_IN_PCN);
  });
});
