import { practiceVersions, type PracticeSnapshot, type TimelineEvent } from '#practices';

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
 * as known). Adjacent versions with equal states are merged, so the result is canonical: equal histories give equal
 * keys, and an event that changes nothing changes no version.
 *
 * Keys use plain JSON.stringify: states come from one fold, which builds their keys in one order, and the key only
 * ever meets keys made here (never a state read back from jsonb). Were two equal states ever spelt in different key
 * orders, the cost would be a version closed and reinserted unchanged, not a wrong answer.
 */
export function effectiveVersions(history: readonly TimelineEvent[]): EffectiveVersion[] {
  const merged: { validFrom: string; validTo: string | null; state: PracticeSnapshot; json: string }[] = [];
  for (const version of practiceVersions([...history])) {
    const json = JSON.stringify(version.state);
    const last = merged[merged.length - 1];
    if (last && last.validTo === version.validFrom && last.json === json) {
      last.validTo = version.validTo;
    } else {
      merged.push({ validFrom: version.validFrom, validTo: version.validTo, state: version.state, json });
    }
  }
  return merged.map(({ validFrom, validTo, state, json }) => ({
    validFrom,
    validTo,
    state,
    key: `${validFrom}|${validTo ?? ''}|${json}`,
  }));
}

/** Versions of `before` that `after` no longer has, and versions `after` has that are new. */
export function diffVersions(
  before: readonly EffectiveVersion[],
  after: readonly EffectiveVersion[],
): { removed: EffectiveVersion[]; added: EffectiveVersion[] } {
  const beforeKeys = new Set(before.map((version) => version.key));
  const afterKeys = new Set(after.map((version) => version.key));
  return {
    removed: before.filter((version) => !afterKeys.has(version.key)),
    added: after.filter((version) => !beforeKeys.has(version.key)),
  };
}
