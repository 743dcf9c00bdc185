import {
  decide,
  effectiveTimeline,
  PracticeNotFoundError,
  type Decision,
  type DecisionHistories,
  type PracticeCommand,
} from '../../src/domain/index.js';
import { decideChange } from '../../src/domain/practice.decide.js';

/**
 * What `decide` would decide without its fast path for changes dated at the end of the timeline: every change re-folds
 * and re-checks the timeline from where it lands. The oracle of the tests that prove the fast path decides identically.
 */
export function decideByFullValidation(command: PracticeCommand, histories: DecisionHistories): Decision {
  if (command.type === 'OpenPractice' || command.type === 'RetractEvent' || command.type === 'MergePractice') return decide(command, histories);
  const timeline = effectiveTimeline(histories.practice);
  if (!timeline.some((e) => e.event.type === 'PracticeOpened')) throw new PracticeNotFoundError(command.odsCode);
  return { practice: [decideChange(command, histories.practice, timeline)] };
}
