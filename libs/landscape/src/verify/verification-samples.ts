import type { TimelineEvent } from '#practices';

export interface Sample {
  readonly asOf: string;
  readonly knownAt: string;
}

/** `count` values spread evenly over a sorted list, first and last included. */
export function spread<T>(sorted: readonly T[], count: number): T[] {
  if (sorted.length <= count) return [...sorted];
  if (count <= 1) return [sorted[sorted.length - 1]];
  return Array.from({ length: count }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (count - 1))]);
}

const shiftDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Dates and knownAt instants to compare at: effective dates spread over the log (plus the day before the first, today
 * and the day after the last, which reaches planned changes), and recorded instants spread over the log, each also
 * one millisecond earlier (just before a recording), never beyond `horizon`.
 */
export function verificationSamples(
  histories: ReadonlyMap<string, readonly TimelineEvent[]>,
  horizon: string,
  counts: { dates: number; knownAts: number },
): Sample[] {
  const events = [...histories.values()].flat();
  const effective = [...new Set(events.map((event) => event.effectiveDate))].sort();
  const horizonMs = Date.parse(horizon);
  const recorded = [...new Set(events.map((event) => Date.parse(event.recordedAt)))].filter((ms) => ms <= horizonMs).sort((a, b) => a - b);
  const today = new Date().toISOString().slice(0, 10);
  const dates = new Set(spread(effective, counts.dates));
  if (effective.length > 0) {
    dates.add(shiftDays(effective[0], -1));
    dates.add(shiftDays(effective[effective.length - 1], 1));
  }
  dates.add(today);
  const instants = new Set<number>([horizonMs]);
  for (const ms of spread(recorded, counts.knownAts)) {
    instants.add(ms);
    instants.add(ms - 1);
  }
  const knownAts = [...instants].sort((a, b) => a - b).map((ms) => new Date(ms).toISOString());
  return [...dates].sort().flatMap((asOf) => knownAts.map((knownAt) => ({ asOf, knownAt })));
}
