import { EventStore, type EventWithoutMetadata } from '#event-store';
import { PRACTICE_EVENT_TYPES, PRACTICE_STREAM_PREFIX, toTimelineEvent, type TimelineEvent } from '#practices';
import type { PlanBasis } from '../read-models/practice-versions/version-changes.js';
import type { HistoryCache } from './history-cache.js';

/** The events of one practice in a page of the log, with the history they extend. */
export interface PracticePageWork {
  readonly streamId: string;
  readonly odsCode: string;
  /** The stream from version 1 through the last version in the page. */
  readonly history: readonly TimelineEvent[];
  /** Index in `history` of the first event of the page. */
  readonly firstNewIndex: number;
  /** The plan basis of `history.slice(0, firstNewIndex)`, when already worked out. */
  readonly basis?: PlanBasis;
}

const PRACTICE_TYPES = new Set<string>(PRACTICE_EVENT_TYPES);

/** Practice events of a page grouped by stream, in stream order. Other streams and unknown types are not ours. */
export function groupByPractice<E extends EventWithoutMetadata>(events: readonly E[]): Map<string, E[]> {
  const byStream = new Map<string, E[]>();
  for (const event of events) {
    if (!event.streamId.startsWith(PRACTICE_STREAM_PREFIX) || !PRACTICE_TYPES.has(event.type)) continue;
    const list = byStream.get(event.streamId) ?? [];
    list.push(event);
    byStream.set(event.streamId, list);
  }
  for (const list of byStream.values()) list.sort((a, b) => a.streamVersion - b.streamVersion);
  return byStream;
}

/**
 * For every practice with events in the page, its history up to the page's last event: from the cache when it holds
 * the prefix before the page, otherwise read from the store in one round trip for all missing streams.
 */
export async function loadPageWork(store: EventStore, cache: HistoryCache, events: readonly EventWithoutMetadata[]): Promise<PracticePageWork[]> {
  const byStream = groupByPractice(events);
  // What the cache holds of each stream: through the page's last event (commands in this process, sharing the cache,
  // may already hold the page's own events: the same events), or else through the event before the page.
  // A stream starting in the page has no prefix to read: the pages of a bulk import open thousands of practices,
  // whose whole streams (a seeded history later in the log) were otherwise read once per page to find nothing.
  const held = new Map(
    [...byStream].map(([streamId, page]) => {
      const inPage = cache.prefix(streamId, page[page.length - 1].streamVersion);
      return [streamId, inPage ?? (page[0].streamVersion === 1 ? [] : cache.prefix(streamId, page[0].streamVersion - 1))];
    }),
  );
  const missing = [...held].filter(([, prefix]) => prefix === undefined).map(([streamId]) => streamId);
  const loaded = missing.length > 0 ? await store.readStreams(missing) : new Map();
  const work: PracticePageWork[] = [];
  for (const [streamId, page] of byStream) {
    const first = page[0].streamVersion;
    const last = page[page.length - 1].streamVersion;
    const prefix: readonly TimelineEvent[] =
      held.get(streamId) ??
      (loaded.get(streamId)?.events ?? []).filter((event: EventWithoutMetadata) => event.streamVersion < first).map(toTimelineEvent);
    const history = prefix.length === last ? prefix : [...prefix, ...page.map(toTimelineEvent)];
    if (history.length !== last || history.some((event, index) => event.streamVersion !== index + 1)) {
      throw new Error(`stream ${streamId} is not contiguous through version ${last}: the log and the stream disagree`);
    }
    cache.remember(streamId, history);
    work.push({
      streamId,
      odsCode: streamId.slice(PRACTICE_STREAM_PREFIX.length),
      history,
      firstNewIndex: first - 1,
      basis: cache.basisOf(streamId, first - 1),
    });
  }
  return work;
}
