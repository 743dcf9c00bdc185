import { extendVersions, practiceVersions, type PracticeSnapshot, type PracticeVersion, type TimelineEvent } from '#practices';

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
 * Identity of a version: its bounds and its state. Worked out only for the versions a diff compares and never kept:
 * the projector holds every cached practice's versions between pages, and keys held beside them were most of its heap.
 *
 * Plain JSON.stringify: states come from one fold, which builds their keys in one order, and a key only ever meets keys
 * made here (never a state read back from jsonb). Were two equal states ever spelt in different key orders, the cost
 * would be a version closed and reinserted unchanged, not a wrong answer.
 */
function versionKey(version: EffectiveVersion): string {
  return `${version.validFrom}|${version.validTo ?? ''}|${JSON.stringify(version.state)}`;
}

/**
 * Versions of `before` that `after` no longer has, and versions `after` has that are new. A leading run of the very
 * same version objects (what an extension keeps) is skipped without comparing keys.
 */
export function diffVersions(
  before: readonly EffectiveVersion[],
  after: readonly EffectiveVersion[],
): { removed: EffectiveVersion[]; added: EffectiveVersion[] } {
  let shared = 0;
  while (shared < before.length && shared < after.length && before[shared] === after[shared]) shared++;
  const beforeRest = before.slice(shared);
  const afterRest = after.slice(shared);
  const beforeKeys = beforeRest.map(versionKey);
  const afterKeys = afterRest.map(versionKey);
  const beforeSet = new Set(beforeKeys);
  const afterSet = new Set(afterKeys);
  return {
    removed: beforeRest.filter((_, index) => !afterSet.has(beforeKeys[index])),
    added: afterRest.filter((_, index) => !beforeSet.has(afterKeys[index])),
  };
}
