import { Injectable } from '@nestjs/common';
import { EventStore, type RecordedEvent } from '#event-store';
import { foldOnto, type PracticeFold, type TimelineEvent } from '../../domain/index.js';
import { PracticeStreamCache } from '../../streams/practice-stream-cache.js';
import { toTimelineEvent } from '../../streams/timeline.mapping.js';

export interface PracticeTimeline {
  readonly version: number;
  readonly history: readonly TimelineEvent[];
  /** True when read from the store just now; false for a held prefix that may be missing newer events. */
  readonly complete: boolean;
}

/**
 * Practice streams this process has read, so a command reads only the events recorded since (usually none) instead of
 * the whole stream: whatever other processes appended is read after the held prefix, and a lost race is re-read the
 * same way. A command may also decide on the held prefix alone (`heldOrRead`): its append names the version it
 * decided on, so should the stream have moved on meanwhile the append fails and the command is decided again.
 */
@Injectable()
export class PracticeTimelineCache {
  /** Each held stream folded as far as it was last decided on, so the next command folds only what came since. */
  private readonly folds = new Map<string, PracticeFold>();

  constructor(
    private readonly store: EventStore,
    private readonly prefixes: PracticeStreamCache,
  ) {
    prefixes.onEvict((streamId) => this.folds.delete(streamId));
  }

  /** `history` (this stream's, as read here) folded, carrying on from the fold kept for the stream. */
  foldOf(streamId: string, history: readonly TimelineEvent[]): PracticeFold {
    const fold = foldOnto(this.folds.get(streamId), history);
    if (this.prefixes.has(streamId)) this.folds.set(streamId, fold);
    return fold;
  }

  /** The whole stream as it is now, in stream order, and its version. */
  async read(streamId: string): Promise<PracticeTimeline> {
    const held = this.prefixes.get(streamId) ?? [];
    const newer = await this.store.readStreamAfter(streamId, held.length);
    const history = newer.events.length === 0 ? held : [...held, ...newer.events.map(toTimelineEvent)];
    // Streams that do not exist (yet) are not held: any code may be asked for.
    if (history.length > 0) this.prefixes.hold(streamId, history);
    return { version: history.length, history, complete: true };
  }

  /** The held prefix without asking the store (`complete` false: it may be behind), or the stream read when none is held. */
  async heldOrRead(streamId: string): Promise<PracticeTimeline> {
    const held = this.prefixes.get(streamId);
    return held ? { version: held.length, history: held, complete: false } : this.read(streamId);
  }

  /** Adds what this process just appended, when it follows on from what is held. */
  appended(streamId: string, events: readonly RecordedEvent[]): void {
    const held = this.prefixes.get(streamId);
    if (!held || events.length === 0 || events[0].streamVersion !== held.length + 1) return;
    this.prefixes.hold(streamId, [...held, ...events.map(toTimelineEvent)]);
  }
}
