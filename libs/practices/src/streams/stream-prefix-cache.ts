import type { TimelineEvent } from '../domain/index.js';

/**
 * Practice streams held in memory as prefixes (versions 1..n). Streams are append-only and events immutable, so a held
 * prefix is never wrong, only possibly short. Bounded by a total number of events, least recently used evicted first
 * (never the stream just held). Several owners may share one cache; `onEvict` lets each drop what it keeps beside a
 * stream.
 */
export class StreamPrefixCache {
  private readonly prefixes = new Map<string, readonly TimelineEvent[]>();
  private readonly evictionListeners: Array<(streamId: string) => void> = [];
  private size = 0;

  constructor(private readonly maxEvents: number) {}

  onEvict(listener: (streamId: string) => void): void {
    this.evictionListeners.push(listener);
  }

  /** The held prefix, now the most recently used. */
  get(streamId: string): readonly TimelineEvent[] | undefined {
    const prefix = this.prefixes.get(streamId);
    if (prefix) {
      this.prefixes.delete(streamId);
      this.prefixes.set(streamId, prefix);
    }
    return prefix;
  }

  has(streamId: string): boolean {
    return this.prefixes.has(streamId);
  }

  /** Holds `history` unless a prefix at least as long is held already. */
  hold(streamId: string, history: readonly TimelineEvent[]): void {
    const previous = this.prefixes.get(streamId);
    if (previous && previous.length >= history.length) return;
    if (previous) this.size -= previous.length;
    this.prefixes.delete(streamId);
    this.prefixes.set(streamId, history);
    this.size += history.length;
    for (const [oldest, events] of this.prefixes) {
      if (this.size <= this.maxEvents || oldest === streamId) break;
      this.prefixes.delete(oldest);
      this.size -= events.length;
      for (const listener of this.evictionListeners) listener(oldest);
    }
  }

  /** Forgets every stream (each owner is told, as for an eviction). */
  clear(): void {
    const held = [...this.prefixes.keys()];
    this.prefixes.clear();
    this.size = 0;
    for (const streamId of held) for (const listener of this.evictionListeners) listener(streamId);
  }
}
