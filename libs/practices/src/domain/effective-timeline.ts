import type { TimelineEvent } from './practice.events.js';

/** Effective order (SPEC §4): by effective date, ties in recorded order. Dates are YYYY-MM-DD, so strings compare. */
export function compareEffectiveOrder(a: TimelineEvent, b: TimelineEvent): number {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
  return a.streamVersion - b.streamVersion;
}

/**
 * The events that count, in effective order: without events recorded after `knownAt`, without retraction events,
 * and without the events retracted by a retraction recorded at or before `knownAt`. Instants are compared as epoch
 * milliseconds, so differently written ISO instants (offsets, precision) compare correctly.
 */
export function effectiveTimeline(history: readonly TimelineEvent[], knownAt?: string): TimelineEvent[] {
  const known = knownAt === undefined ? history : recordedBy(history, instantMillis(knownAt, 'knownAt'));
  const retracted = new Set<string>();
  for (const { event } of known) {
    if (event.type === 'EventRetracted') retracted.add(event.data.eventId.toLowerCase());
  }
  const effective = known.filter((e) => e.event.type !== 'EventRetracted' && !retracted.has(e.eventId.toLowerCase()));
  return effective.sort(compareEffectiveOrder);
}

function recordedBy(history: readonly TimelineEvent[], knownAtMillis: number): TimelineEvent[] {
  return history.filter((e) => instantMillis(e.recordedAt, 'recordedAt') <= knownAtMillis);
}

export function instantMillis(instant: string, field: string): number {
  const millis = Date.parse(instant);
  if (Number.isNaN(millis)) throw new RangeError(`${field} is not an ISO-8601 instant: ${instant}`);
  return millis;
}

/** Index at which an event effective on `date` goes: after every event of an earlier or the same date. */
export function insertionIndex(timeline: readonly TimelineEvent[], date: string): number {
  let low = 0;
  let high = timeline.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (timeline[middle].effectiveDate <= date) low = middle + 1;
    else high = middle;
  }
  return low;
}
