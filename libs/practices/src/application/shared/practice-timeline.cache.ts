import { Injectable } from '@nestjs/common';
import { EventStore, type RecordedEvent } from '#event-store';
import type { TimelineEvent } from '../../domain/index.js';
import { toTimelineEvent } from './timeline.mapping.js';

/** Enough for the practices being worked on at once; each event held is about a kilobyte. */
const MAX_EVENTS = 30_000;

/**
 * Practice streams this process has read, so a command reads only the events recorded since (usually none) instead of
 * the whole stream. Streams are append-only and events immutable, so a held prefix is never wrong, only short: whatever
 * other processes appended is read after it, and a lost race is re-read the same way. Least recently used go first.
 */
@Injectable()
export class PracticeTimelineCache {
  private readonly timelines = new Map<string, readonly TimelineEvent[]>();
  private size = 0;

  constructor(private readonly store: EventStore) {}

  /** The whole stream as it is now, in stream order, and its version. */
  async read(streamId: string): Promise<{ version: number; history: readonly TimelineEvent[] }> {
    const held = this.timelines.get(streamId) ?? [];
    const newer = await this.store.readStreamAfter(streamId, held.length);
    const history = newer.events.length === 0 ? held : [...held, ...newer.events.map(toTimelineEvent)];
    this.hold(streamId, history);
    return { version: history.length, history };
  }

  /** Adds what this process just appended, when it follows on from what is held. */
  appended(streamId: string, events: readonly RecordedEvent[]): void {
    const held = this.timelines.get(streamId);
    if (!held || events.length === 0 || events[0].streamVersion !== held.length + 1) return;
    this.hold(streamId, [...held, ...events.map(toTimelineEvent)]);
  }

  private hold(streamId: string, history: readonly TimelineEvent[]): void {
    this.size -= this.timelines.get(streamId)?.length ?? 0;
    this.timelines.delete(streamId);
    if (history.length === 0 || history.length > MAX_EVENTS) return;
    this.timelines.set(streamId, history);
    this.size += history.length;
    for (const [oldest, events] of this.timelines) {
      if (this.size <= MAX_EVENTS) break;
      this.timelines.delete(oldest);
      this.size -= events.length;
    }
  }
}
