import type { StreamPrefixCache, TimelineEvent } from '#practices';
import type { PlanBasis } from '../read-models/practice-versions/version-changes.js';

/**
 * Practice histories the projector has already read (prefixes of their streams, which never go stale); catching up
 * a long log then reads each stream from the database once instead of once per page. The histories may be a cache
 * shared with the process's commands (PracticeStreamCache), which hold the streams they write.
 *
 * It also keeps the plan basis last worked out for a stream (versions and latest instants, a pure function of the
 * prefix they were worked out from), so the next page starts from it instead of folding or scanning the prefix again.
 */
export class HistoryCache {
  private readonly bases = new Map<string, { readonly count: number; readonly basis: PlanBasis }>();

  constructor(private readonly histories: StreamPrefixCache) {
    histories.onEvict((streamId) => this.bases.delete(streamId));
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

  /** The plan basis of the stream's first `count` events, if that is the one last remembered. */
  basisOf(streamId: string, count: number): PlanBasis | undefined {
    const entry = this.bases.get(streamId);
    return entry?.count === count ? entry.basis : undefined;
  }

  rememberBasis(streamId: string, count: number, basis: PlanBasis): void {
    if (this.histories.has(streamId)) this.bases.set(streamId, { count, basis });
  }

  clear(): void {
    this.histories.clear();
    this.bases.clear();
  }
}
