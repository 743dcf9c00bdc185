import { LIST_SIZE } from './calibration.js';
import { areaOf } from './practice-outline.js';
import type { PracticeProfile } from './practice-profile.js';
import { SeededRandom } from './seeded-random.js';

/** How each practice's life ends within the history: merged into a neighbour, or closed with its patients dispersed. */
export interface EndingPlan {
  readonly mergeInto: ReadonlyMap<string, string>;
  readonly closures: ReadonlySet<string>;
}

/**
 * Resolves planned endings within one chunk, in date order: a merger needs a neighbour (same area) open on the day
 * and after it, else it becomes a closure; the receiving practice takes on the patients, and a closed practice's
 * patients go to one to three neighbours. Recorded closures (imported) disperse their patients the same way.
 */
export function planEndings(seed: number, profiles: readonly PracticeProfile[], endOfHistory: string): EndingPlan {
  const byArea = new Map<string, PracticeProfile[]>();
  for (const profile of profiles) byArea.set(areaOf(profile.outline), [...(byArea.get(areaOf(profile.outline)) ?? []), profile]);
  const ending = profiles
    .filter((p) => p.end < endOfHistory && p.end > p.start)
    .sort((a, b) => a.end.localeCompare(b.end) || a.outline.odsCode.localeCompare(b.outline.odsCode));

  const mergeInto = new Map<string, string>();
  const closures = new Set<string>();
  for (const profile of ending) {
    const date = profile.end;
    const random = new SeededRandom(seed, 'ending', profile.outline.odsCode);
    const neighbours = (byArea.get(areaOf(profile.outline)) ?? []).filter((p) => p !== profile && p.start < date && p.end > date);
    const patients = profile.listSize.expectedOn(date);
    if (profile.ending?.kind === 'merge' && neighbours.length > 0) {
      const target = random.pick(neighbours);
      mergeInto.set(profile.outline.odsCode, target.outline.odsCode);
      target.listSize.receive({ date, patients: Math.round(patients * LIST_SIZE.mergeRetention) });
      continue;
    }
    if (profile.ending) closures.add(profile.outline.odsCode);
    const recipients = random.shuffle(neighbours).slice(0, random.int(1, 3));
    for (const recipient of recipients) {
      recipient.listSize.receive({ date, patients: Math.round((patients * LIST_SIZE.closureRetention) / recipients.length) });
    }
  }
  return { mergeInto, closures };
}
