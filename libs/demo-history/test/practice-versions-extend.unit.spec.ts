import { extendVersions, practiceVersions, type PracticeVersion, type TimelineEvent } from '#practices';
import { generatedHistories } from './support/generated-histories.js';

/**
 * The projector extends a practice's versions append by append. Over generated histories (corrections, retractions,
 * several events on one date, closures and merges among them), cut into runs of events the way appends cut them, the
 * extended versions must equal the versions of the whole history folded again, after every run.
 */
describe('extendVersions: versions extended at the end of the timeline', () => {
  let histories: TimelineEvent[][] = [];

  beforeAll(async () => {
    histories = await generatedHistories(7, 20, '2025-03-31');
  });

  it('equals folding the whole history again after every run of events', () => {
    let extended = 0;
    let refolded = 0;
    for (const [index, history] of histories.entries()) {
      let versions: PracticeVersion[] = [];
      let lastDate: string | null = null;
      for (let start = 0; start < history.length;) {
        const end = Math.min(history.length, start + 1 + ((start * 7 + index) % 4));
        const run = history.slice(start, end);
        const extension = extendVersions(versions, lastDate, run);
        const expected = practiceVersions(history.slice(0, end));
        if (extension) {
          versions = [...versions.slice(0, extension.kept), ...extension.tail];
          expect(versions).toEqual(expected);
          extended++;
        } else {
          versions = expected;
          refolded++;
        }
        for (const event of run) {
          if (event.event.type !== 'EventRetracted' && (lastDate === null || event.effectiveDate > lastDate)) lastDate = event.effectiveDate;
        }
        start = end;
      }
    }
    expect(extended).toBeGreaterThan(700);
    expect(refolded).toBeGreaterThan(5);
  });

  it('keeps every version a run does not touch', () => {
    const history = histories.find((h) => h.length > 20)!;
    const before = practiceVersions(history.slice(0, -1));
    const extension = extendVersions(before, maxDate(history.slice(0, -1)), history.slice(-1));
    if (extension === null) return;
    expect(extension.kept).toBeGreaterThanOrEqual(before.length - 2);
    expect(before.slice(0, extension.kept)).toEqual(practiceVersions(history).slice(0, extension.kept));
  });

  it('refuses a retraction and an event dated before the end of the timeline', () => {
    const history = histories.find((h) => h.length > 10)!;
    const before = practiceVersions(history.slice(0, 10));
    const last = maxDate(history.slice(0, 10))!;
    const retraction = { ...history[9], event: { type: 'EventRetracted', data: { eventId: history[5].eventId, reason: 'wrong' } } } as TimelineEvent;
    const backdated = { ...history[9], streamVersion: 11, effectiveDate: '2004-01-01' };
    expect(extendVersions(before, last, [retraction])).toBeNull();
    expect(extendVersions(before, last, [backdated])).toBeNull();
  });
});

function maxDate(events: readonly TimelineEvent[]): string | null {
  return events.reduce<string | null>(
    (max, e) => (e.event.type !== 'EventRetracted' && (max === null || e.effectiveDate > max) ? e.effectiveDate : max),
    null,
  );
}
