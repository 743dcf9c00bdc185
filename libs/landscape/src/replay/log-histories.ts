import type { EventStore, LogCursor } from '#event-store';
import { PRACTICE_STREAM_PREFIX, toTimelineEvent, type TimelineEvent } from '#practices';
import { groupByPractice } from '../projector/practice-histories.js';

export interface LogHistories {
  /** Every practice's stream in stream order, by ODS code. */
  readonly histories: Map<string, TimelineEvent[]>;
  readonly events: number;
  readonly cursor: LogCursor | null;
  /** Every event recorded by this instant was read: knownAt up to it is answered exactly. */
  readonly stableHorizon: string | null;
}

/** Reads the whole log (raw events, no projection involved) into per-practice histories. */
export async function readLogHistories(
  store: EventStore,
  options: { pageSize?: number; onProgress?: (events: number) => void } = {},
): Promise<LogHistories> {
  const histories = new Map<string, TimelineEvent[]>();
  let cursor: LogCursor | null = null;
  let events = 0;
  for (;;) {
    const page = await store.readAllWithoutMetadata(cursor, options.pageSize ?? 10_000);
    for (const [streamId, recorded] of groupByPractice(page.events)) {
      const odsCode = streamId.slice(PRACTICE_STREAM_PREFIX.length);
      const history = histories.get(odsCode) ?? [];
      history.push(...recorded.map(toTimelineEvent));
      histories.set(odsCode, history);
    }
    events += page.events.length;
    cursor = page.cursor;
    options.onProgress?.(events);
    if (!page.hasMore) return { histories, events, cursor, stableHorizon: page.stableHorizon };
  }
}
