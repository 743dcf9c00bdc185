import { Injectable } from '@nestjs/common';
import { EventStore, type RecordedEvent } from '#event-store';
import type { TimelineEvent } from '../../domain/index.js';
import { PracticeStreamCache } from './practice-stream-cache.js';
import { toTimelineEvent } from './timeline.mapping.js';

/**
 * Practice streams this process has read, so a command reads only the events recorded since (usually none) instead of
 * the whole stream: whatever other processes appended is read after the held prefix, and a lost race is re-read the
 * same way.
 */
@Injectable()
export class PracticeTimelineCache {
  constructor(
    private readonly store: EventStore,
    private readonly prefixes: PracticeStreamCache,
  ) {}

  /** The whole stream as it is now, in stream order, and its version. */
  async read(streamId: string): Promise<{ version: number; history: readonly TimelineEvent[] }> {
    const held = this.prefixes.get(streamId) ?? [];
    const newer = await this.store.readStreamAfter(streamId, held.length);
    const history = newer.events.length === 0 ? held : [...held, ...newer.events.map(toTimelineEvent)];
    // Streams that do not exist (yet) are not held: any code may be asked for.
    if (history.length > 0) this.prefixes.hold(streamId, history);
    return { version: history.length, history };
  }

  /** Adds what this process just appended, when it follows on from what is held. */
  appended(streamId: string, events: readonly RecordedEvent[]): void {
    const held = this.prefixes.get(streamId);
    if (!held || events.length === 0 || events[0].streamVersion !== held.length + 1) return;
    this.prefixes.hold(streamId, [...held, ...events.map(toTimelineEvent)]);
  }
}
