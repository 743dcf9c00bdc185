import { StreamPrefixCache, type TimelineEvent } from '#practices';
import type { EffectiveVersion } from '../read-models/practice-versions/practice-version.js';

/**
 * Practice histories the projector has already read (prefixes of their streams, which never go stale); catching up
 * a long log then reads each stream from the database once instead of once per page.
 *
 * It also keeps the effective versions last computed for a stream (a pure function of the prefix they were computed
 * from), so the next page starts from them instead of folding the prefix again.
 */
export class HistoryCache {
  private readonly histories: StreamPrefixCache;
  private readonly versions = new Map<string, { readonly count: number; readonly versions: readonly EffectiveVersion[] }>();

  constructor(maxEvents: number) {
    this.histories = new StreamPrefixCache(maxEvents, (streamId) => this.versions.delete(streamId));
  }

  /** The first `count` events of the stream, if that much is cached. */
  prefix(streamId: string, count: number): readonly TimelineEvent[] | undefined {
    const history = this.histories.get(streamId);
    if (!history || history.length < count) return undefined;
    return history.length === count ? history : history.slice(0, count);
  }

  remember(streamId: string, history: readonly TimelineEvent[]): void {
    this.histories.hold(streamId, history);
  }

  /** The versions of the stream's first `count` events, if those are the ones last remembered. */
  versionsOf(streamId: string, count: number): readonly EffectiveVersion[] | undefined {
    const entry = this.versions.get(streamId);
    return entry?.count === count ? entry.versions : undefined;
  }

  rememberVersions(streamId: string, count: number, versions: readonly EffectiveVersion[]): void {
    if (this.histories.has(streamId)) this.versions.set(streamId, { count, versions });
  }

  clear(): void {
    this.histories.clear();
    this.versions.clear();
  }
}
