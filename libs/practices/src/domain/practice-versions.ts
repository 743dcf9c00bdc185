import { compareEffectiveOrder, effectiveTimeline } from './effective-timeline.js';
import type { TimelineEvent } from './practice.events.js';
import { evolve, initialState } from './practice.evolve.js';
import type { PracticeSnapshot, PracticeState, PracticeVersion } from './practice.state.js';

/**
 * The practice as the register knew it at `knownAt` (default: everything recorded) on effective date `asOf`;
 * null when it had not opened on or before `asOf`.
 */
export function stateAt(history: readonly TimelineEvent[], asOf: string, knownAt?: string): PracticeSnapshot | null {
  let state = initialState();
  for (const event of effectiveTimeline(history, knownAt)) {
    if (event.effectiveDate > asOf) break;
    state = evolve(state, event);
  }
  return state.status === 'not-opened' ? null : state;
}

/**
 * The practice's states over effective time as known at `knownAt`: one version per effective date that changes the
 * state, from the open date on, the last one open-ended. Versions cover adjacent intervals with no gap; equal
 * consecutive states are merged, so a projection stores only real changes.
 */
export function practiceVersions(history: readonly TimelineEvent[], knownAt?: string): PracticeVersion[] {
  const timeline = effectiveTimeline(history, knownAt);
  const versions: PracticeVersion[] = [];
  let state = initialState();
  for (let i = 0; i < timeline.length; i++) {
    state = evolve(state, timeline[i]);
    const date = timeline[i].effectiveDate;
    const lastOfDate = i + 1 === timeline.length || timeline[i + 1].effectiveDate !== date;
    if (!lastOfDate || state.status === 'not-opened') continue;
    const previous = versions.at(-1);
    if (previous && sameValue(previous.state, state)) continue;
    if (previous) versions[versions.length - 1] = { ...previous, validTo: date };
    versions.push({ validFrom: date, validTo: null, state });
  }
  return versions;
}

/** How versions change when events extend a timeline at its end: the first `kept` stay, `tail` replaces the rest. */
export interface VersionsExtension {
  readonly kept: number;
  readonly tail: PracticeVersion[];
}

/**
 * The versions of a history extended by `events`, from the versions of the history so far, without folding it again:
 * the same result as `practiceVersions` on the whole history, at the cost of the new events alone. The last version's
 * state is the final state by value (`practiceVersions` only skips a date whose state equals it), so folding on from
 * it is folding on from the end of the timeline.
 *
 * Only events that land at the end of the effective timeline can be taken this way: null (fold everything) when one
 * is a retraction or is dated before `lastEffectiveDate` (the latest effective date among the earlier events), or when
 * earlier events never opened the practice so no version holds their final state.
 */
export function extendVersions(
  versions: readonly PracticeVersion[],
  lastEffectiveDate: string | null,
  events: readonly TimelineEvent[],
): VersionsExtension | null {
  if (versions.length === 0 && lastEffectiveDate !== null) return null;
  if (events.some((e) => e.event.type === 'EventRetracted' || (lastEffectiveDate !== null && e.effectiveDate < lastEffectiveDate))) {
    return null;
  }
  const ordered = [...events].sort(compareEffectiveOrder);
  let kept = versions.length;
  const tail: PracticeVersion[] = [];
  const last = (): PracticeVersion | undefined => tail.at(-1) ?? (kept > 0 ? versions[kept - 1] : undefined);
  const setLast = (version: PracticeVersion) => {
    if (tail.length > 0) tail[tail.length - 1] = version;
    else {
      kept -= 1;
      tail.push(version);
    }
  };
  let state: PracticeState = (versions.at(-1)?.state as PracticeState | undefined) ?? initialState();
  for (let i = 0; i < ordered.length; i++) {
    state = evolve(state, ordered[i]);
    const date = ordered[i].effectiveDate;
    if ((i + 1 < ordered.length && ordered[i + 1].effectiveDate === date) || state.status === 'not-opened') continue;
    let previous = last();
    if (previous?.validFrom === date) {
      // Earlier events already made a version on this date: it is folded again with the new ones.
      if (tail.length > 0) tail.pop();
      else kept -= 1;
      previous = last();
      if (previous && sameValue(previous.state, state)) {
        setLast({ ...previous, validTo: null });
        continue;
      }
    } else if (previous && sameValue(previous.state, state)) {
      continue;
    }
    if (previous && previous.validTo !== date) setLast({ ...previous, validTo: date });
    tail.push({ validFrom: date, validTo: null, state });
  }
  return { kept, tail };
}

/** Whether two states are equal as values (key order aside): practiceVersions merges consecutive equal states. */
export const sameState = (a: PracticeState, b: PracticeState): boolean => sameValue(a, b);

/** Structural equality of plain JSON-like values (snapshots hold only strings, numbers, booleans, null, arrays). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
