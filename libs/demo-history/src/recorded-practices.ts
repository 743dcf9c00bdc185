import type { EventStore, LogCursor } from '#event-store';
import { effectiveTimeline, PRACTICE_STREAM_PREFIX, toTimelineEvent, type TimelineEvent } from '#practices';
import type { PracticeOutline } from './practice-outline.js';

export const SEEDED_BY = 'seed-demo';

export interface RecordedPractices {
  readonly outlines: PracticeOutline[];
  /** Practices whose streams already hold generated events: seeding them again is skipped. */
  readonly alreadySeeded: ReadonlySet<string>;
  /** The latest effective date on record: the imported files' view of the world ends about there. */
  readonly horizon: string | null;
}

const PAGE = 5000;
/** How long to wait for transactions in flight elsewhere before the log can be read up to now. */
const MAX_WAIT_MS = 30_000;
/** The events that shape an outline; the rest is skipped while reading, to stay small in memory. */
const OUTLINE_TYPES = new Set(['PracticeOpened', 'PracticeRenamed', 'CommissionerChanged', 'PracticeClosed', 'PracticeMerged', 'EventRetracted']);

/**
 * Reads the whole log once and outlines every practice stream found in it. It reads on until the log's stable horizon
 * passes the moment it started, so every event committed before then (e.g. by an import just run) has been seen.
 */
export async function readRecordedPractices(store: EventStore, onPage?: (events: number) => void): Promise<RecordedPractices> {
  const startedAt = new Date().toISOString();
  const deadline = Date.now() + MAX_WAIT_MS;
  const streams = new Map<string, TimelineEvent[]>();
  const alreadySeeded = new Set<string>();
  let horizon: string | null = null;
  let cursor: LogCursor | null = null;
  let read = 0;
  for (;;) {
    const page = await store.readAll(cursor, PAGE);
    for (const event of page.events) {
      if (!event.streamId.startsWith(PRACTICE_STREAM_PREFIX)) continue;
      const odsCode = event.streamId.slice(PRACTICE_STREAM_PREFIX.length);
      // Every generated event carries its seed, whoever the operator who recorded it was.
      if (event.metadata.seed !== undefined) alreadySeeded.add(odsCode);
      else if (horizon === null || event.effectiveDate > horizon) horizon = event.effectiveDate;
      if (!OUTLINE_TYPES.has(event.type)) continue;
      const timeline = streams.get(odsCode) ?? [];
      timeline.push(toTimelineEvent(event));
      streams.set(odsCode, timeline);
    }
    read += page.events.length;
    onPage?.(read);
    cursor = page.cursor;
    if (page.hasMore) continue;
    if (page.stableHorizon !== null && page.stableHorizon >= startedAt) break;
    if (Date.now() > deadline) {
      throw new Error(`cannot read the log up to ${startedAt}: a transaction has been in flight on the database for over ${MAX_WAIT_MS / 1000} s`);
    }
    await store.waitForAppend(200);
  }
  const outlines: PracticeOutline[] = [];
  for (const [odsCode, history] of streams) {
    const outline = outlineOf(odsCode, history);
    if (outline) outlines.push(outline);
  }
  outlines.sort((a, b) => a.odsCode.localeCompare(b.odsCode));
  return { outlines, alreadySeeded, horizon };
}

function outlineOf(odsCode: string, history: readonly TimelineEvent[]): PracticeOutline | null {
  const timeline = effectiveTimeline(history);
  const opened = timeline.find((e) => e.event.type === 'PracticeOpened');
  if (!opened || opened.event.type !== 'PracticeOpened') return null;
  let name = opened.event.data.name;
  let endedOn: string | null = null;
  const commissioners = [{ from: opened.effectiveDate, code: opened.event.data.commissionerCode ?? null }];
  for (const { event, effectiveDate } of timeline) {
    if (event.type === 'PracticeRenamed') name = event.data.name;
    else if (event.type === 'CommissionerChanged') commissioners.push({ from: effectiveDate, code: event.data.commissionerCode });
    else if ((event.type === 'PracticeClosed' || event.type === 'PracticeMerged') && endedOn === null) endedOn = effectiveDate;
  }
  return { odsCode, name, openedOn: opened.effectiveDate, endedOn, commissioners, recorded: true };
}
