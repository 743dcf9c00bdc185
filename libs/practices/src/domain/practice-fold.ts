import { effectiveTimeline } from './effective-timeline.js';
import type { TimelineEvent } from './practice.events.js';
import { evolve } from './practice.evolve.js';
import type { PracticeState } from './practice.state.js';
import { foldAll } from './timeline-validation.js';

/**
 * A practice's history folded: the events that count, in effective order, and the state they reach. Worth keeping
 * between commands: most land at the end of the timeline, and then only the new events need folding (`foldOnto`).
 */
export interface PracticeFold {
  /** How many events of the history (stream order, from version 1) it folds. */
  readonly count: number;
  readonly timeline: readonly TimelineEvent[];
  readonly state: PracticeState;
  /** Ids (lower case) of the events retracted so far, to notice a new event that an earlier retraction names. */
  readonly retracted: ReadonlySet<string>;
}

/** The whole history folded from the start. */
export function foldHistory(history: readonly TimelineEvent[]): PracticeFold {
  const timeline = effectiveTimeline(history);
  const state = foldAll(timeline);
  const retracted = new Set<string>();
  for (const { event } of history) if (event.type === 'EventRetracted') retracted.add(event.data.eventId.toLowerCase());
  return { count: history.length, timeline, state, retracted };
}

/**
 * `fold` carried on to `history`, a longer (or the same) history of the same stream: only the events after the folded
 * ones are folded when each is dated on or after the end of the timeline. A retraction, or an event dated inside the
 * timeline, changes what went before, so the history is then folded again from the start.
 */
export function foldOnto(fold: PracticeFold | undefined, history: readonly TimelineEvent[]): PracticeFold {
  return (fold && extendFold(fold, history)) ?? foldHistory(history);
}

function extendFold(fold: PracticeFold, history: readonly TimelineEvent[]): PracticeFold | null {
  if (history.length === fold.count) return fold;
  if (history.length < fold.count) return null;
  const added = history.slice(fold.count);
  let end = fold.timeline.at(-1)?.effectiveDate ?? '';
  for (const event of added) {
    if (event.event.type === 'EventRetracted' || event.effectiveDate < end || fold.retracted.has(event.eventId.toLowerCase())) return null;
    end = event.effectiveDate;
  }
  let state = fold.state;
  for (const event of added) state = evolve(state, event);
  return { count: history.length, timeline: [...fold.timeline, ...added], state, retracted: fold.retracted };
}
