import { StreamPrefixCache, type TimelineEvent } from '#practices';
import type { PlanBasis } from '../read-models/practice-versions/version-changes.js';
import { HistoryCache } from './history-cache.js';

const history = (streamId: string, length: number): TimelineEvent[] =>
  Array.from({ length }, (_, index) => ({
    eventId: `${streamId}-${index + 1}`,
    event: { type: 'ListSizeRecorded', data: { odsCode: streamId, registeredPatients: index } },
    effectiveDate: '2020-01-01',
    streamVersion: index + 1,
    recordedAt: '2026-11-28T10:00:00.000Z',
  })) as TimelineEvent[];

const basis: PlanBasis = { versions: [], lastRecordedAt: null, lastEffectiveDate: null };

describe('history cache over a stream cache shared with commands', () => {
  it('given the commands held a stream, then the projector finds its prefix without reading it', () => {
    const shared = new StreamPrefixCache(100);
    const cache = new HistoryCache(shared);
    shared.hold('A', history('A', 5));
    expect(cache.prefix('A', 5)).toHaveLength(5);
    expect(cache.prefix('A', 3)?.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
    expect(cache.prefix('A', 6)).toBeUndefined();
  });

  it('given a stream evicted by the other owner, then its plan basis is dropped with it', () => {
    const shared = new StreamPrefixCache(10);
    const cache = new HistoryCache(shared);
    cache.remember('A', history('A', 6));
    cache.rememberBasis('A', 6, basis);
    expect(cache.basisOf('A', 6)).toBe(basis);
    shared.hold('B', history('B', 6)); // the commands' write pushes the shared cache over its bound
    expect(cache.prefix('A', 6)).toBeUndefined();
    expect(cache.basisOf('A', 6)).toBeUndefined();
  });

  it('given the projector forgets its histories, then every owner is told', () => {
    const shared = new StreamPrefixCache(100);
    const evicted: string[] = [];
    shared.onEvict((streamId) => evicted.push(streamId));
    const cache = new HistoryCache(shared);
    cache.remember('A', history('A', 2));
    cache.remember('B', history('B', 2));
    cache.rememberBasis('A', 2, basis);
    cache.clear();
    expect(evicted.sort()).toEqual(['A', 'B']);
    expect(cache.basisOf('A', 2)).toBeUndefined();
    expect(shared.get('A')).toBeUndefined();
  });

  it('given a basis for a stream no longer held, then it is not kept', () => {
    const cache = new HistoryCache(new StreamPrefixCache(100));
    cache.rememberBasis('A', 2, basis);
    expect(cache.basisOf('A', 2)).toBeUndefined();
  });
});
