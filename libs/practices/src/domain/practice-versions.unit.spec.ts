import { effectiveTimeline, practiceVersions, stateAt } from './index.js';
import { event, on, opened, partner, recorded } from '../../test/support/given-when-then.js';

const at = (minute: number) => new Date(Date.parse('2024-01-01T00:00:00.000Z') + minute * 60_000).toISOString();

// e1..e6 recorded one minute apart from 2024-01-01T00:00Z (minute 0..5)
const history = recorded([
  opened('2004-04-01'),
  on('2005-01-01', event('PartnerJoined', partner('4000001'))),
  on('2010-01-01', event('ListSizeRecorded', { registeredPatients: 5000 })),
  on('2010-01-01', event('EventRetracted', { eventId: 'e3', reason: 'wrong practice' })),
  on('2099-01-01', event('PracticeClosed', { reason: 'planned closure' })),
  on('2004-06-01', event('PracticeRenamed', { name: 'Renamed Late' })),
]);
const ids = (events: { eventId: string }[]) => events.map((e) => e.eventId);

describe('effectiveTimeline', () => {
  it('drops retractions and retracted events, and sorts by effective date then recorded order', () => {
    expect(ids(effectiveTimeline(history))).toEqual(['e1', 'e6', 'e2', 'e5']);
  });

  it('keeps a retracted event for a knownAt before the retraction was recorded', () => {
    expect(ids(effectiveTimeline(history, at(2.5)))).toEqual(['e1', 'e2', 'e3']);
  });

  it("drops it from the retraction's recordedAt on (inclusive), however the instant is written", () => {
    expect(ids(effectiveTimeline(history, at(3)))).toEqual(['e1', 'e2']);
    expect(ids(effectiveTimeline(history, '2024-01-01T01:03:00+01:00'))).toEqual(['e1', 'e2']);
    expect(ids(effectiveTimeline(history, '2024-01-01T00:02:59.999Z'))).toEqual(['e1', 'e2', 'e3']);
  });

  it('knows nothing before the first recording, and does not change the history it is given', () => {
    expect(effectiveTimeline(history, '2023-12-31T23:59:59Z')).toEqual([]);
    expect(ids(history)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
  });

  it('orders same-date events by stream version', () => {
    const sameDay = recorded([
      opened('2004-04-01'),
      on('2005-01-01', event('PracticeRenamed', { name: 'A' })),
      on('2005-01-01', event('PracticeRenamed', { name: 'B' })),
    ]);
    expect(ids(effectiveTimeline([...sameDay].reverse()))).toEqual(['e1', 'e2', 'e3']);
  });

  it('refuses a knownAt that is not an instant', () => {
    expect(() => effectiveTimeline(history, 'yesterday')).toThrow(RangeError);
  });
});

describe('stateAt', () => {
  it('is null before the open date', () => {
    expect(stateAt(history, '2004-03-31')).toBeNull();
    expect(stateAt(history, '2004-04-01')).toMatchObject({ status: 'open', name: 'Practice M92011' });
  });

  it('is null when nothing was known yet', () => {
    expect(stateAt(history, '2020-01-01', '2023-01-01T00:00:00Z')).toBeNull();
  });

  it('folds the events effective on or before asOf', () => {
    expect(stateAt(history, '2004-12-31')).toMatchObject({ name: 'Renamed Late', partnerCount: 0 });
    expect(stateAt(history, '2005-01-01')).toMatchObject({ partnerCount: 1, singleHanded: true });
  });

  it('answers what the register believed at knownAt', () => {
    // before the late rename was recorded, the practice kept its first name
    expect(stateAt(history, '2020-01-01', at(4))).toMatchObject({ name: 'Practice M92011', registeredPatients: null });
    expect(stateAt(history, '2020-01-01', at(2))).toMatchObject({ registeredPatients: 5000 });
    expect(stateAt(history, '2020-01-01', at(3))).toMatchObject({ registeredPatients: null });
    expect(stateAt(history, '2020-01-01')).toMatchObject({ name: 'Renamed Late', registeredPatients: null });
  });

  it('shows planned (future-dated) changes for a future asOf', () => {
    expect(stateAt(history, '2098-12-31')).toMatchObject({ status: 'open', closedOn: null });
    expect(stateAt(history, '2099-01-01')).toMatchObject({ status: 'closed', closedOn: '2099-01-01', partnerCount: 1 });
  });
});

describe('practiceVersions', () => {
  it('gives one version per effective date that changes the state, adjacent and ending open-ended', () => {
    const versions = practiceVersions(history);
    expect(versions.map(({ validFrom, validTo }) => [validFrom, validTo])).toEqual([
      ['2004-04-01', '2004-06-01'],
      ['2004-06-01', '2005-01-01'],
      ['2005-01-01', '2099-01-01'],
      ['2099-01-01', null],
    ]);
    expect(versions[1].state).toMatchObject({ name: 'Renamed Late', partnerCount: 0 });
    expect(versions[3].state).toMatchObject({ status: 'closed', closedOn: '2099-01-01' });
  });

  it('agrees with stateAt on every date', () => {
    for (const knownAt of [undefined, at(2), at(3), at(4)]) {
      for (const version of practiceVersions(history, knownAt)) {
        expect(stateAt(history, version.validFrom, knownAt)).toEqual(version.state);
      }
    }
  });

  it('reflects knownAt: the retracted list size counts only before the retraction was recorded', () => {
    const before = practiceVersions(history, at(2));
    expect(before.map((v) => v.validFrom)).toEqual(['2004-04-01', '2005-01-01', '2010-01-01']);
    expect(before[2]).toMatchObject({ validTo: null, state: { registeredPatients: 5000 } });
    expect(practiceVersions(history, at(3)).map((v) => v.validFrom)).toEqual(['2004-04-01', '2005-01-01']);
  });

  it('merges dates whose events leave the state unchanged, and folds same-date events into one version', () => {
    const quiet = recorded([
      opened('2004-04-01'),
      on('2004-04-01', event('PartnerJoined', partner('4000001'))),
      on('2006-01-01', event('PracticeRenamed', { name: 'Practice M92011' })),
      on('2007-01-01', event('PracticeAbsorbed', { fromOdsCode: 'M92012' })),
      on('2008-01-01', event('ListSizeRecorded', { registeredPatients: 100 })),
    ]);
    const versions = practiceVersions(quiet);
    expect(versions.map(({ validFrom, validTo }) => [validFrom, validTo])).toEqual([
      ['2004-04-01', '2008-01-01'],
      ['2008-01-01', null],
    ]);
    expect(versions[0].state.partnerCount).toBe(1);
  });

  it('is empty for a practice not known to be open', () => {
    expect(practiceVersions([])).toEqual([]);
    expect(practiceVersions(history, '2023-01-01T00:00:00Z')).toEqual([]);
  });
});
