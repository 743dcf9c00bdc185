/** Before anything was recorded: the knownAt answered when no instant is yet known to be stable. */
export const BEFORE_ANYTHING = new Date(0).toISOString();

/**
 * The one rule for the knownAt a read answers for (SPEC §4): the requested instant (default now), at millisecond
 * precision, never beyond the stable horizon of what is read; no horizon yet means nothing is stable, so the answer is
 * as known before anything was recorded. Reads worked out inside one SQL statement follow it too (read-time.sql.ts).
 */
export function clampKnownAt(requested: string | null | undefined, horizon: string | null, now = Date.now()): string {
  const wanted = requested == null ? now : Date.parse(requested);
  return new Date(Math.min(wanted, Date.parse(horizon ?? BEFORE_ANYTHING))).toISOString();
}
