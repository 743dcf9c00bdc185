import { effectiveTimeline, evolve, foldHistory, foldOnto, initialState, type PracticeFold, type TimelineEvent } from '#practices';
import { generatedHistories } from './support/generated-histories.js';

/**
 * Command handlers keep each practice's fold between commands and carry it on to the events recorded since. Over
 * generated histories (corrections, retractions, several events on one date, closures and merges among them), cut into
 * runs the way appends cut them, the fold carried on must equal the whole history folded again, after every run.
 */
describe('foldOnto: a practice fold carried on between commands', () => {
  let histories: TimelineEvent[][] = [];

  beforeAll(async () => {
    histories = await generatedHistories(5, 20, '2025-03-31');
  });

  const refolded = (history: readonly TimelineEvent[]) => {
    const timeline = effectiveTimeline(history);
    return { count: history.length, timeline, state: timeline.reduce(evolve, initialState()) };
  };

  it('equals folding the whole history again after every run of events', () => {
    let carriable = 0;
    let notCarriable = 0;
    for (const [index, history] of histories.entries()) {
      let fold: PracticeFold | undefined;
      for (let end = 1; end <= history.length; end += 1 + ((end * 5 + index) % 3)) {
        const whole = history.slice(0, end);
        const next = foldOnto(fold, whole);
        expect({ count: next.count, timeline: next.timeline, state: next.state }).toEqual(refolded(whole));
        if (fold) {
          // Runs of events at the end of the timeline are what is carried on; the rest is folded from the start.
          let lastDate = fold.timeline.at(-1)?.effectiveDate ?? '';
          const atEnd = whole.slice(fold.count).every((event) => {
            const ok = event.event.type !== 'EventRetracted' && event.effectiveDate >= lastDate;
            lastDate = event.effectiveDate;
            return ok;
          });
          if (atEnd) carriable++;
          else notCarriable++;
        }
        fold = next;
      }
    }
    expect(carriable).toBeGreaterThan(500);
    expect(notCarriable).toBeGreaterThan(5);
  });

  it('folds again from the start for a retraction, an event dated inside the timeline, or an event already retracted', () => {
    const base = histories.find((h) => h.length > 10)!.slice(0, 10);
    const end = effectiveTimeline(base).at(-1)!.effectiveDate;
    const next = (changes: Partial<TimelineEvent>, version = 11): TimelineEvent => ({
      ...base[9],
      eventId: `new-${version}`,
      streamVersion: version,
      ...changes,
    });
    const retraction = next({ effectiveDate: end, event: { type: 'EventRetracted', data: { eventId: base[5].eventId, reason: 'wrong' } } });
    const backdated = next({ effectiveDate: '2004-01-01' });
    // A retraction naming an id before any event has it (a history written around the decider), then that event.
    const retractionAhead = next({ effectiveDate: end, event: { type: 'EventRetracted', data: { eventId: 'ahead-of-time', reason: 'x' } } });
    const named = next({ eventId: 'AHEAD-OF-TIME', effectiveDate: '2099-01-01' }, 12);
    for (const [folded, added] of [
      [base, retraction],
      [base, backdated],
      [[...base, retractionAhead], named],
    ] as const) {
      const whole = [...folded, added];
      expect(foldOnto(foldHistory(folded), whole)).toEqual(foldHistory(whole));
    }
  });
});
