import { extendVersions, practiceVersions, type PracticeSnapshot, type PracticeVersion, type TimelineEvent } from '#practices';

/** A version of a practice's state over effective time [validFrom, validTo), validTo null meaning open-ended. */
export interface EffectiveVersion {
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly state: PracticeSnapshot;
  /** Identity of the version: its bounds and its state, independent of key order. */
  readonly key: string;
}

/**
 * The practice's versions over effective time given every event in `history` (already cut to what the caller counts
 * as known). Adjacent versions with equal states are merged (`practiceVersions`), so the result is canonical: equal
 * histories give equal keys, and an event that changes nothing changes no version.
 *
 * Keys use plain JSON.stringify: states come from one fold, which builds their keys in one order, and the key only
 * ever meets keys made here (never a state read back from jsonb). Were two equal states ever spelt in different key
 * orders, the cost would be a version closed and reinserted unchanged, not a wrong answer.
 */
export function effectiveVersions(history: readonly TimelineEvent[]): EffectiveVersion[] {
  return practiceVersions(history).map(withKey);
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
  return extension && [...before.slice(0, extension.kept), ...extension.tail.map(withKey)];
}

function withKey(version: PracticeVersion): EffectiveVersion {
  return { ...version, key: `${version.validFrom}|${version.validTo ?? ''}|${JSON.stringify(version.state)}` };
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
  const beforeKeys = new Set(beforeRest.map((version) => version.key));
  const afterKeys = new Set(afterRest.map((version) => version.key));
  return {
    removed: beforeRest.filter((version) => !afterKeys.has(version.key)),
    added: afterRest.filter((version) => !beforeKeys.has(version.key)),
  };
}
