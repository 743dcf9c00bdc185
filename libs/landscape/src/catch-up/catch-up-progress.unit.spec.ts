import { CatchUpProgress } from './catch-up-progress.js';

describe('catch-up progress', () => {
  it('reports nothing before a catch-up and after it ends, keeping the finished one', () => {
    const progress = new CatchUpProgress();
    expect(progress.report()).toBeNull();
    progress.begin('bulk', 50_000);
    progress.applied(20_000);
    progress.end();
    expect(progress.report()).toBeNull();
    expect(progress.lastFinished()?.events).toBe(20_000);
  });

  it('counts the events behind down from the backlog, as it goes', () => {
    const progress = new CatchUpProgress();
    progress.begin('rebuild', 80_000);
    progress.applied(5_000);
    expect(progress.report()).toMatchObject({ mode: 'rebuild', eventsBehind: 75_000, eventsApplied: 5_000 });
  });
});
