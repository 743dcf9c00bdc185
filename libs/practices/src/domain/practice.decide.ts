import { effectiveTimeline } from './effective-timeline.js';
import type { DatedPracticeCommand, MergePractice, OpenPractice, PracticeCommand, RetractEvent } from './practice.commands.js';
import { EventNotFoundError, PracticeAlreadyExistsError, PracticeNotFoundError, PracticeRuleViolation, RuleCode } from './practice.errors.js';
import type { PracticeEvent, TimelineEvent } from './practice.events.js';
import { breachOf, breachOutsideLifetime } from './practice.rules.js';
import type { OpenPracticeState, PracticeState } from './practice.state.js';
import { assertCanInsert, assertCanRemove, describeEvent, foldAll, stateOn } from './timeline-validation.js';
import { eventFor } from './command-events.js';
import type { PracticeFold } from './practice-fold.js';

export interface DecidedEvent {
  readonly event: PracticeEvent;
  readonly effectiveDate: string;
}

export interface Decision {
  readonly practice: DecidedEvent[];
  /** Only for MergePractice: what the target practice's stream records in the same atomic append. */
  readonly into?: DecidedEvent[];
}

/** Recorded events in stream order, retractions included. `into` is the merge target's stream. */
export interface DecisionHistories {
  readonly practice: readonly TimelineEvent[];
  readonly into?: readonly TimelineEvent[];
  /** `practice` folded (foldOnto), when the caller keeps folds between commands; ignored unless it folds all of it. */
  readonly practiceFold?: PracticeFold;
}

/** Decides what a command records, or throws why it may not (SPEC §3). Pure: ids and times come from the caller. */
export function decide(command: PracticeCommand, histories: DecisionHistories): Decision {
  const fold = histories.practiceFold?.count === histories.practice.length ? histories.practiceFold : undefined;
  const timeline = fold?.timeline ?? effectiveTimeline(histories.practice);
  if (command.type === 'OpenPractice') return { practice: [decideOpening(command, histories.practice, timeline)] };
  if (!timeline.some((e) => e.event.type === 'PracticeOpened')) throw new PracticeNotFoundError(command.odsCode);
  if (command.type === 'RetractEvent') return { practice: [decideRetraction(command, histories.practice, timeline)] };
  if (command.type === 'MergePractice') return decideMerge(command, histories, timeline);
  if (isAtEnd(timeline, command.effectiveDate)) {
    return { practice: [decideChangeAtEnd(command, histories.practice, timeline, fold?.state ?? foldAll(timeline))] };
  }
  return { practice: [decideChange(command, histories.practice, timeline)] };
}

/** On or after the last effective date, an event goes last: nothing after it can be invalidated. */
const isAtEnd = (timeline: readonly TimelineEvent[], date: string) => timeline.length === 0 || timeline[timeline.length - 1].effectiveDate <= date;

/** A practice whose opening was retracted is not in the register, so it may be opened again (with the right date). */
function decideOpening(command: OpenPractice, history: readonly TimelineEvent[], timeline: readonly TimelineEvent[]): DecidedEvent {
  if (timeline.some((e) => e.event.type === 'PracticeOpened')) throw new PracticeAlreadyExistsError(command.odsCode);
  const decided: DecidedEvent = {
    event: {
      type: 'PracticeOpened',
      data: {
        odsCode: command.odsCode,
        name: command.name,
        commissionerCode: command.commissionerCode ?? null,
        contract: command.contract ?? null,
      },
    },
    effectiveDate: command.openedOn,
  };
  assertCanInsert(timeline, pending(decided, history), command.odsCode);
  return decided;
}

/** A change decided by re-folding and re-checking the timeline from where it lands (any date, retroactive included). */
export function decideChange(command: DatedPracticeCommand, history: readonly TimelineEvent[], timeline: readonly TimelineEvent[]): DecidedEvent {
  const state = openOn(timeline, command);
  const decided: DecidedEvent = { event: eventFor(command, state), effectiveDate: command.effectiveDate };
  assertCanInsert(timeline, pending(decided, history), command.odsCode);
  return decided;
}

/**
 * decideChange for a command dated at the end of the timeline (the common, non-retroactive case): the state on its
 * date is the whole timeline's, and the only event to check is the new one, so one fold instead of two plus the
 * re-check of the events after it (there are none); `endState` is the whole timeline folded (kept by the caller, or
 * folded here). Refuses with exactly the errors decideChange would.
 */
function decideChangeAtEnd(
  command: DatedPracticeCommand,
  history: readonly TimelineEvent[],
  timeline: readonly TimelineEvent[],
  endState: PracticeState,
): DecidedEvent {
  const state = openState(endState, timeline, command);
  const decided: DecidedEvent = { event: eventFor(command, state), effectiveDate: command.effectiveDate };
  const breach = breachOf(state, pending(decided, history), command.odsCode);
  if (breach) throw new PracticeRuleViolation(breach.code, breach.detail);
  return decided;
}

function decideMerge(command: MergePractice, histories: DecisionHistories, timeline: readonly TimelineEvent[]): Decision {
  const { odsCode, intoOdsCode, effectiveDate } = command;
  if (intoOdsCode === odsCode) throw new PracticeRuleViolation(RuleCode.MERGE_INTO_SELF, `${odsCode} cannot merge into itself`);
  const intoHistory = histories.into ?? [];
  const intoTimeline = effectiveTimeline(intoHistory);
  if (!intoTimeline.some((e) => e.event.type === 'PracticeOpened')) throw new PracticeNotFoundError(intoOdsCode);
  openOn(timeline, command);
  const target = stateOn(intoTimeline, effectiveDate);
  if (target.status !== 'open') {
    const why =
      target.status === 'not-opened'
        ? `it does not open until ${openingDate(intoTimeline)}`
        : `it ${target.mergedInto ? `merged into ${target.mergedInto}` : 'closed'} on ${target.closedOn}`;
    throw new PracticeRuleViolation(RuleCode.MERGE_TARGET_NOT_OPEN, `${odsCode} cannot merge into ${intoOdsCode} on ${effectiveDate}: ${why}`);
  }
  const merged: DecidedEvent = { event: { type: 'PracticeMerged', data: { intoOdsCode } }, effectiveDate };
  const absorbed: DecidedEvent = { event: { type: 'PracticeAbsorbed', data: { fromOdsCode: odsCode } }, effectiveDate };
  assertCanInsert(timeline, pending(merged, histories.practice), odsCode);
  assertCanInsert(intoTimeline, pending(absorbed, intoHistory), intoOdsCode);
  return { practice: [merged], into: [absorbed] };
}

/**
 * Retractions and the two halves of a merge cannot be retracted: un-retracting would make "what counts" depend on
 * a chain of corrections (record the event again instead), and retracting one half of a merge would leave the other
 * practice's stream recording a merge that no longer happened, since a retraction only ever touches one stream.
 */
function decideRetraction(command: RetractEvent, history: readonly TimelineEvent[], timeline: readonly TimelineEvent[]): DecidedEvent {
  const wanted = command.eventId.toLowerCase();
  const target = history.find((e) => e.eventId.toLowerCase() === wanted);
  if (!target) throw new EventNotFoundError(command.odsCode, command.eventId);
  const { type } = target.event;
  if (type === 'EventRetracted' || type === 'PracticeMerged' || type === 'PracticeAbsorbed') {
    const why =
      type === 'EventRetracted'
        ? 'a retraction cannot itself be retracted; record the event again instead'
        : 'it is one half of a merge recorded on two practices at once, and retracting one half would leave the other practice recording a merge that did not happen';
    throw new PracticeRuleViolation(RuleCode.NOT_RETRACTABLE, `${describeEvent(target)} (event ${target.eventId}) cannot be retracted: ${why}`);
  }
  if (!timeline.includes(target)) {
    throw new PracticeRuleViolation(
      RuleCode.EVENT_ALREADY_RETRACTED,
      `${describeEvent(target)} (event ${target.eventId}) has already been retracted`,
    );
  }
  assertCanRemove(timeline, target, command.odsCode);
  return {
    event: { type: 'EventRetracted', data: { eventId: target.eventId, reason: command.reason } },
    effectiveDate: target.effectiveDate,
  };
}

/** The practice's state on `date`, refusing a date before its opening or on/after its closure. */
function openOn(timeline: readonly TimelineEvent[], command: DatedPracticeCommand | MergePractice): OpenPracticeState {
  return openState(stateOn(timeline, command.effectiveDate), timeline, command);
}

function openState(state: PracticeState, timeline: readonly TimelineEvent[], command: DatedPracticeCommand | MergePractice): OpenPracticeState {
  const { effectiveDate, odsCode } = command;
  if (state.status === 'open') return state;
  const what = `${command.type} on ${effectiveDate}`;
  const { code, detail } = breachOutsideLifetime(state, what, effectiveDate, odsCode, openingDate(timeline));
  throw new PracticeRuleViolation(code, detail);
}

const openingDate = (timeline: readonly TimelineEvent[]) => timeline.find((e) => e.event.type === 'PracticeOpened')?.effectiveDate;

/** The decided event as it would stand on the stream: recorded after everything already there. */
function pending(decided: DecidedEvent, history: readonly TimelineEvent[]): TimelineEvent {
  const lastVersion = history.reduce((max, e) => Math.max(max, e.streamVersion), 0);
  return { eventId: '(new)', ...decided, streamVersion: lastVersion + 1, recordedAt: '' };
}
