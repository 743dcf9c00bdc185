import { insertionIndex } from './effective-timeline.js';
import { PracticeRuleViolation, RuleCode } from './practice.errors.js';
import type { TimelineEvent } from './practice.events.js';
import { evolve, initialState } from './practice.evolve.js';
import { breachOf, type RuleBreach } from './practice.rules.js';
import type { PracticeState } from './practice.state.js';

interface TimelineBreach {
  readonly at: TimelineEvent;
  readonly breach: RuleBreach;
}

/** State reached by an effective timeline on `date`, counting every event of that date already recorded. */
export function stateOn(timeline: readonly TimelineEvent[], date: string): PracticeState {
  return foldFirst(timeline, insertionIndex(timeline, date));
}

/** State reached by the whole effective timeline. */
export const foldAll = (timeline: readonly TimelineEvent[]): PracticeState => foldFirst(timeline, timeline.length);

function foldFirst(timeline: readonly TimelineEvent[], count: number): PracticeState {
  let state = initialState();
  for (let i = 0; i < count; i++) state = evolve(state, timeline[i]);
  return state;
}

/** Every event from `start` on that breaks a rule where it stands (earlier events are taken as they are). */
function breachesFrom(timeline: readonly TimelineEvent[], start: number, odsCode: string): TimelineBreach[] {
  const found: TimelineBreach[] = [];
  let state = foldFirst(timeline, start);
  for (let i = start; i < timeline.length; i++) {
    const breach = breachOf(state, timeline[i], odsCode);
    if (breach) found.push({ at: timeline[i], breach });
    state = evolve(state, timeline[i]);
  }
  return found;
}

/**
 * Places a new event in effective order (after the events of its date) and re-checks the rest of the timeline:
 * the new event's own breach is refused with its rule's code; a later event it would invalidate is refused as
 * TIMELINE_CONFLICT naming that event. A later event that was already invalid before (a history written around
 * the decider) is not blamed on the new one.
 */
export function assertCanInsert(timeline: readonly TimelineEvent[], added: TimelineEvent, odsCode: string): void {
  const index = insertionIndex(timeline, added.effectiveDate);
  const candidate = [...timeline.slice(0, index), added, ...timeline.slice(index)];
  const breaches = breachesFrom(candidate, index, odsCode);
  if (breaches.length === 0) return;
  if (breaches[0].at === added) throw new PracticeRuleViolation(breaches[0].breach.code, breaches[0].breach.detail);
  const broken = firstNewBreach(breaches, timeline, index, odsCode);
  if (broken) throw conflict(`recording ${describeEvent(added)}`, broken, odsCode);
}

/** Refuses a retraction when the timeline without the event would break a rule (SPEC §3). */
export function assertCanRemove(timeline: readonly TimelineEvent[], removed: TimelineEvent, odsCode: string): void {
  const index = timeline.indexOf(removed);
  const candidate = timeline.filter((e) => e !== removed);
  const breaches = breachesFrom(candidate, index, odsCode);
  if (breaches.length === 0) return;
  const broken = firstNewBreach(breaches, timeline, index, odsCode);
  if (broken) throw conflict(`retracting ${describeEvent(removed)}`, broken, odsCode);
}

function firstNewBreach(
  breaches: readonly TimelineBreach[],
  before: readonly TimelineEvent[],
  start: number,
  odsCode: string,
): TimelineBreach | undefined {
  const alreadyBroken = new Set(breachesFrom(before, start, odsCode).map((b) => b.at));
  return breaches.find((b) => !alreadyBroken.has(b.at));
}

function conflict(action: string, broken: TimelineBreach, odsCode: string): PracticeRuleViolation {
  const { at, breach } = broken;
  return new PracticeRuleViolation(
    RuleCode.TIMELINE_CONFLICT,
    `${capitalise(action)} would make the later ${describeEvent(at)} (event ${at.eventId}) of ${odsCode} invalid: ${breach.detail}`,
    { eventId: at.eventId, type: at.event.type, effectiveDate: at.effectiveDate },
  );
}

/** A short, human description of an event, e.g. "PartnerExited of GP 4012345 on 2020-03-31". */
export function describeEvent({ event, effectiveDate }: TimelineEvent): string {
  const data = event.data as Record<string, unknown>;
  const subject = data.gmcNumber ?? data.federationId ?? data.pcnCode ?? data.trustCode ?? data.intoOdsCode ?? data.fromOdsCode;
  const about = typeof subject === 'string' ? ` (${subject})` : '';
  return `${event.type}${about} on ${effectiveDate}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
