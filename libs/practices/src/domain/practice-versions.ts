import { effectiveTimeline } from './effective-timeline.js';
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
