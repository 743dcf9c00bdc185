import { PracticeNotFoundError, RuleCode } from './index.js';
import { command, decided, event, given, ODS, on, opened, OTHER_ODS, partner } from '../../test/support/given-when-then.js';

const OPEN = '2004-04-01';

describe('retroactive events', () => {
  const history = [
    opened(OPEN),
    on('2005-01-01', event('PartnerJoined', partner('4012345'))),
    on('2020-03-31', event('PartnerExited', { gmcNumber: '4012345', reason: 'retirement' })),
  ];

  it('accepts an earlier event that leaves the later ones valid', () => {
    given(history)
      .when(command('AddPartner', { ...partner('4000001'), effectiveDate: '2010-01-01' }))
      .then([decided('2010-01-01', event('PartnerJoined', partner('4000001')))]);
  });

  it('refuses an earlier event that would invalidate a later one, naming it', () => {
    const refusal = given(history)
      .when(command('RecordPartnerExit', { gmcNumber: '4012345', reason: 'resignation', effectiveDate: '2015-01-01' }))
      .thenRefused(RuleCode.TIMELINE_CONFLICT);
    expect(refusal.conflictingEvent).toEqual({ eventId: 'e3', type: 'PartnerExited', effectiveDate: '2020-03-31' });
    expect(refusal.detail).toContain('GP 4012345 is not a partner of M92011 on 2020-03-31');
  });

  it("refuses with the new event's own rule when it is itself invalid where it lands", () => {
    given(history)
      .when(command('RecordPartnerExit', { gmcNumber: '4012345', reason: 'resignation', effectiveDate: '2004-06-01' }))
      .then(RuleCode.NOT_A_PARTNER);
  });

  it('refuses a retroactive closure before later events, naming the first one it would strand', () => {
    const refusal = given(history)
      .when(command('ClosePractice', { reason: 'closed', effectiveDate: '2019-01-01' }))
      .thenRefused(RuleCode.TIMELINE_CONFLICT);
    expect(refusal.conflictingEvent).toEqual({ eventId: 'e3', type: 'PartnerExited', effectiveDate: '2020-03-31' });
  });

  it('places a new event after existing events of the same date (recorded order)', () => {
    // the partner joins and leaves on the same day: the exit lands after the join, so it is valid
    given([opened(OPEN), on('2010-01-01', event('PartnerJoined', partner('4000001')))])
      .when(command('RecordPartnerExit', { gmcNumber: '4000001', reason: 'other', effectiveDate: '2010-01-01' }))
      .then([decided('2010-01-01', event('PartnerExited', { gmcNumber: '4000001', reason: 'other' }))]);
    // and a closure on a date already holding events closes after them
    given([opened(OPEN), on('2010-01-01', event('CommissionerChanged', { commissionerCode: null }))])
      .when(command('ClosePractice', { reason: 'closed', effectiveDate: '2010-01-01' }))
      .then([decided('2010-01-01', event('PracticeClosed', { reason: 'closed' }))]);
  });

  it('checks PCN leaving against the PCN of that date (a later re-join depends on an earlier leave)', () => {
    const pcns = [
      opened(OPEN),
      on('2019-07-01', event('PcnJoined', { pcnCode: 'U11111', pcnName: 'First' })),
      on('2021-01-01', event('PcnLeft', { pcnCode: 'U11111', pcnName: 'First' })),
      on('2021-01-01', event('PcnJoined', { pcnCode: 'U22222', pcnName: 'Second' })),
    ];
    const refusal = given(pcns)
      .when(command('JoinPcn', { pcnCode: 'U33333', pcnName: 'Third', effectiveDate: '2020-01-01' }))
      .thenRefused(RuleCode.ALREADY_IN_PCN);
    expect(refusal.detail).toContain('U11111');
  });

  it('does not blame a new event for a later event that was already invalid', () => {
    // a history written around the decider: an exit of someone who never joined
    const broken = [opened(OPEN), on('2020-01-01', event('PartnerExited', { gmcNumber: '4000009', reason: 'other' }))];
    given(broken)
      .when(command('RenamePractice', { name: 'New', effectiveDate: '2010-01-01' }))
      .then([decided('2010-01-01', event('PracticeRenamed', { name: 'New' }))]);
  });

  it('allows future-dated events and judges later commands against them', () => {
    const planned = [opened(OPEN), on('2099-01-01', event('PracticeClosed', { reason: 'planned' }))];
    given(planned)
      .when(command('RenamePractice', { name: 'X', effectiveDate: '2099-06-01' }))
      .then(RuleCode.PRACTICE_CLOSED);
    given(planned)
      .when(command('RenamePractice', { name: 'X', effectiveDate: '2030-01-01' }))
      .then([decided('2030-01-01', event('PracticeRenamed', { name: 'X' }))]);
  });
});

describe('retractions and the timeline', () => {
  const history = [
    opened(OPEN),
    on('2005-01-01', event('PartnerJoined', partner('4012345'))),
    on('2020-03-31', event('PartnerExited', { gmcNumber: '4012345', reason: 'retirement' })),
  ];

  it('refuses a retraction that would leave a later event invalid, naming it', () => {
    const refusal = given(history)
      .when(command('RetractEvent', { eventId: 'e2', reason: 'wrong GP' }))
      .thenRefused(RuleCode.TIMELINE_CONFLICT);
    expect(refusal.conflictingEvent).toEqual({ eventId: 'e3', type: 'PartnerExited', effectiveDate: '2020-03-31' });
    expect(refusal.detail).toMatch(/^Retracting PartnerJoined \(4012345\) on 2005-01-01 would make the later PartnerExited/);
  });

  it('accepts the retraction once the dependent event is retracted first', () => {
    given([...history, on('2020-03-31', event('EventRetracted', { eventId: 'e3', reason: 'wrong GP' }))])
      .when(command('RetractEvent', { eventId: 'e2', reason: 'wrong GP' }))
      .then([decided('2005-01-01', event('EventRetracted', { eventId: 'e2', reason: 'wrong GP' }))]);
  });

  it('refuses to retract an opening while other events depend on it', () => {
    given(history)
      .when(command('RetractEvent', { eventId: 'e1', reason: 'x' }))
      .then(RuleCode.TIMELINE_CONFLICT);
  });

  it('ignores retracted events when deciding', () => {
    const retractedExit = [...history, on('2020-03-31', event('EventRetracted', { eventId: 'e3', reason: 'still a partner' }))];
    given(retractedExit)
      .when(command('RecordPartnerExit', { gmcNumber: '4012345', reason: 'death', effectiveDate: '2021-05-01' }))
      .then([decided('2021-05-01', event('PartnerExited', { gmcNumber: '4012345', reason: 'death' }))]);
  });

  it('accepts retracting a closure, after which the practice takes changes again', () => {
    const closed = [opened(OPEN), on('2020-04-01', event('PracticeClosed', { reason: 'error' }))];
    given(closed)
      .when(command('RetractEvent', { eventId: 'e2', reason: 'never closed' }))
      .then([decided('2020-04-01', event('EventRetracted', { eventId: 'e2', reason: 'never closed' }))]);
    given([...closed, on('2020-04-01', event('EventRetracted', { eventId: 'e2', reason: 'never closed' }))])
      .when(command('RenamePractice', { name: 'Still Here', effectiveDate: '2021-01-01' }))
      .then([decided('2021-01-01', event('PracticeRenamed', { name: 'Still Here' }))]);
  });
});

describe('merges', () => {
  const target = (closedOn?: string) => [
    opened('2000-01-01', null, OTHER_ODS),
    ...(closedOn ? [on(closedOn, event('PracticeClosed', { reason: 'closed' }))] : []),
  ];
  const merge = (effectiveDate = '2020-04-01', intoOdsCode = OTHER_ODS) => command('MergePractice', { intoOdsCode, effectiveDate });

  it('records PracticeMerged on the practice and PracticeAbsorbed on the target, same date', () => {
    given([opened(OPEN)], target())
      .when(merge())
      .then({
        practice: [decided('2020-04-01', event('PracticeMerged', { intoOdsCode: OTHER_ODS }))],
        into: [decided('2020-04-01', event('PracticeAbsorbed', { fromOdsCode: ODS }))],
      });
  });

  it('refuses a merge into itself', () => {
    given([opened(OPEN)], [opened(OPEN)])
      .when(merge('2020-04-01', ODS))
      .then(RuleCode.MERGE_INTO_SELF);
  });

  it('refuses a merge into a practice not in the register', () => {
    given([opened(OPEN)], [])
      .when(merge())
      .thenThrows(PracticeNotFoundError);
    given([opened(OPEN)])
      .when(merge())
      .thenThrows(PracticeNotFoundError);
  });

  it('refuses a merge into a practice not open on the merge date', () => {
    const notYet = given([opened('1990-01-01')], target())
      .when(merge('1999-01-01'))
      .thenRefused(RuleCode.MERGE_TARGET_NOT_OPEN);
    expect(notYet.detail).toContain('it does not open until 2000-01-01');
    const closed = given([opened(OPEN)], target('2019-01-01'))
      .when(merge())
      .thenRefused(RuleCode.MERGE_TARGET_NOT_OPEN);
    expect(closed.detail).toContain('closed on 2019-01-01');
    given([opened(OPEN)], target('2020-04-01'))
      .when(merge())
      .then(RuleCode.MERGE_TARGET_NOT_OPEN);
  });

  it('accepts a merge into a practice that closes later', () => {
    given([opened(OPEN)], target('2025-01-01'))
      .when(merge())
      .then({
        practice: [decided('2020-04-01', event('PracticeMerged', { intoOdsCode: OTHER_ODS }))],
        into: [decided('2020-04-01', event('PracticeAbsorbed', { fromOdsCode: ODS }))],
      });
  });

  it('refuses a retroactive merge that strands later events of the merging practice', () => {
    const refusal = given([opened(OPEN), on('2021-01-01', event('PracticeRenamed', { name: 'Later' }))], target())
      .when(merge())
      .thenRefused(RuleCode.TIMELINE_CONFLICT);
    expect(refusal.conflictingEvent).toEqual({ eventId: 'e2', type: 'PracticeRenamed', effectiveDate: '2021-01-01' });
  });

  it('refuses a merge of a practice already closed, and a retroactive target closure that strands an absorption', () => {
    given([opened(OPEN), on('2019-01-01', event('PracticeClosed', { reason: 'x' }))], target())
      .when(merge())
      .then(RuleCode.PRACTICE_CLOSED);
    const absorbing = [opened('2000-01-01', null, OTHER_ODS), on('2020-04-01', event('PracticeAbsorbed', { fromOdsCode: ODS }))];
    const refusal = given(absorbing)
      .when(command('ClosePractice', { odsCode: OTHER_ODS, reason: 'x', effectiveDate: '2019-01-01' }))
      .thenRefused(RuleCode.TIMELINE_CONFLICT);
    expect(refusal.conflictingEvent).toEqual({ eventId: 'e2', type: 'PracticeAbsorbed', effectiveDate: '2020-04-01' });
  });
});
