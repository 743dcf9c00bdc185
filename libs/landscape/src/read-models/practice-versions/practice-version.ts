import { extendVersions, practiceVersions, sameState, type PracticeVersion, type TimelineEvent } from '#practices';

/** A version of a practice's state over effective time [validFrom, validTo), validTo null meaning open-ended. */
export type EffectiveVersion = PracticeVersion;

/**
 * The practice's versions over effective time given every event in `history` (already cut to what the caller counts
 * as known). Adjacent versions with equal states are merged (`practiceVersions`), so the result is canonical: equal
 * histories give equal versions, and an event that changes nothing changes no version.
 */
export function effectiveVersions(history: readonly TimelineEvent[]): EffectiveVersion[] {
  return practiceVersions(history);
}

/**
 * The versions once `events` are appended to the history `before` was computed from, folding only the new events when
 * they land at the end of the effective timeline (see `extendVersions`); null when the whole history must be folded.
 */
export function extendEffectiveVersions(
  before: readonly EffectiveVersion[],
  lastEffectiveDate: string | null,
  events: readonly TimelineEvent[],
): EffectiveVersion[] | null {
  const extension = extendVersions(before, lastEffectiveDate, events);
  return extension && [...before.slice(0, extension.kept), ...extension.tail];
}

/**
 * Versions of `before` that `after` no longer has, and versions `after` has that are new, a version being its bounds and
 * its state. A leading run of the very same version objects (what an extension keeps) is skipped without comparing;
 * the rest are matched by bounds (a practice's versions have distinct starts) and then by state as values, so equal
 * states compare equal whatever order their keys were built in.
 */
export function diffVersions(
  before: readonly EffectiveVersion[],
  after: readonly EffectiveVersion[],
): { removed: EffectiveVersion[]; added: EffectiveVersion[] } {
  let shared = 0;
  while (shared < before.length && shared < after.length && before[shared] === after[shared]) shared++;
  const beforeRest = before.slice(shared);
  const afterRest = after.slice(shared);
  const beforeByBounds = byBounds(beforeRest);
  const afterByBounds = byBounds(afterRest);
  const isIn = (version: EffectiveVersion, others: Map<string, EffectiveVersion[]>) =>
    (others.get(boundsOf(version)) ?? []).some((other) => sameState(other.state, version.state));
  return {
    removed: beforeRest.filter((version) => !isIn(version, afterByBounds)),
    added: afterRest.filter((version) => !isIn(version, beforeByBounds)),
  };
}

const boundsOf = (version: EffectiveVersion) => `${version.validFrom}|${version.validTo ?? ''}`;

function byBounds(versions: readonly EffectiveVersion[]): Map<string, EffectiveVersion[]> {
  const grouped = new Map<string, EffectiveVersion[]>();
  for (const version of versions) {
    const bounds = boundsOf(version);
    grouped.set(bounds, [...(grouped.get(bounds) ?? []), version]);
  }
  return grouped;
}
