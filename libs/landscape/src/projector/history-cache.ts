import type { TimelineEvent } from '#practices';
import type { EffectiveVersion } from '../read-models/practice-versions/practice-version.js';

/**
 * Practice histories the projector has already read, each a prefix of its stream (versions 1..n). Streams are
 * append-only, so a cached prefix never goes stale; catching up a long log then reads each stream from the database
 * once instead of once per page. Bounded by a total number of events, least recently used streams evicted first.
 *
 * It also keeps the effective versions last computed for a stream (a pure function of the prefix they were computed
 * from), so the next page starts from them instead of folding the prefix again.
 */
export class HistoryCache {
  private readonly histories = new Map<string, readonly TimelineEvent[]>();
  private readonly versions = new Map<string, { readonly count: number; readonly versions: readonly EffectiveVersion[] }>();
  private size = 0;

  constructor(private readonly maxEvents: number) {}

  /** The first `count` events of the stream, if that much is cached. */
  prefix(streamId: string, count: number): readonly TimelineEvent[] | undefined {
    const history = this.histories.get(streamId);
    if (!history || history.length < count) return undefined;
    this.histories.delete(streamId);
    this.histories.set(streamId, history);
    return history.length === count ? history : history.slice(0, count);
  }

  remember(streamId: string, history: readonly TimelineEvent[]): void {
    const previous = this.histories.get(streamId);
    if (previous && previous.length >= history.length) return;
    if (previous) this.size -= previous.length;
    this.histories.delete(streamId);
    this.histories.set(streamId, history);
    this.size += history.length;
    for (const [oldest, events] of this.histories) {
      if (this.size <= this.maxEvents || oldest === streamId) break;
      this.histories.delete(oldest);
      this.versions.delete(oldest);
      this.size -= events.length;
    }
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
    this.size = 0;
  }
}
