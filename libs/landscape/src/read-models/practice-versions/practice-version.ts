import { extendVersions, sameState, type PracticeVersion, type TimelineEvent } from '#practices';

/**
 * The versions once `events` are appended to the history `before` was computed from, folding only the new events when
 * they land at the end of the effective timeline (see `extendVersions`); null when the whole history must be folded.
 */
export function extendEffectiveVersions(
  before: readonly PracticeVersion[],
  lastEffectiveDate: string | null,
  events: readonly TimelineEvent[],
): PracticeVersion[] | null {
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
  before: readonly PracticeVersion[],
  after: readonly PracticeVersion[],
): { removed: PracticeVersion[]; added: PracticeVersion[] } {
  let shared = 0;
  while (shared < before.length && shared < after.length && before[shared] === after[shared]) shared++;
  const beforeRest = before.slice(shared);
  const afterRest = after.slice(shared);
  const beforeByBounds = byBounds(beforeRest);
  const afterByBounds = byBounds(afterRest);
  const isIn = (version: PracticeVersion, others: Map<string, PracticeVersion>) => {
    const other = others.get(boundsOf(version));
    return other !== undefined && sameState(other.state, version.state);
  };
  return {
    removed: beforeRest.filter((version) => !isIn(version, afterByBounds)),
    added: afterRest.filter((version) => !isIn(version, beforeByBounds)),
  };
}

const boundsOf = (version: PracticeVersion) => `${version.validFrom}|${version.validTo ?? ''}`;

/** A practice's versions keyed by their bounds (versions partition effective time, so no two share a start). */
const byBounds = (versions: readonly PracticeVersion[]) => new Map(versions.map((version) => [boundsOf(version), version]));
