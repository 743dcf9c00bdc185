import { stateAt, type PracticeCommand, type TimelineEvent } from '../../domain/index.js';

/** A scoped principal asked to write for a practice outside its commissioners (SPEC §7: 403 OUT_OF_SCOPE). */
export class OutOfScopeError extends Error {
  override readonly name = 'OutOfScopeError';
}

export interface ScopedHistories {
  readonly practice: readonly TimelineEvent[];
  readonly into?: readonly TimelineEvent[];
}

/**
 * Refuses a write by a principal scoped to `scope` unless every practice it writes to has, on the command's effective
 * date as the register knows it now, a commissioner in the scope (a new practice: the commissioner it opens with). A
 * practice not open on that date has no commissioner there, so it is out of scope: failing closed, never open. A
 * practice that does not exist is left to the decider (404), as reads are never scoped and existence is no secret.
 */
export function checkWriteScope(scope: readonly string[] | null, command: PracticeCommand, histories: ScopedHistories): void {
  if (scope === null) return;
  const inScope = (code: string | null | undefined) => code != null && scope.includes(code);
  if (command.type === 'OpenPractice') {
    if (!inScope(command.commissionerCode)) refuse(command.odsCode, command.commissionerCode ?? null, command.openedOn, scope);
    return;
  }
  const date = command.type === 'RetractEvent' ? retractedEventDate(command.eventId, histories.practice) : command.effectiveDate;
  if (date === null) return;
  const practices: Array<[string, readonly TimelineEvent[] | undefined]> = [[command.odsCode, histories.practice]];
  if (command.type === 'MergePractice') practices.push([command.intoOdsCode, histories.into]);
  for (const [odsCode, history] of practices) {
    if (!history || history.length === 0) continue;
    const commissioner = stateAt(history, date)?.commissionerCode ?? null;
    if (!inScope(commissioner)) refuse(odsCode, commissioner, date, scope);
  }
}

/** A retraction is judged on the date of the event it retracts; null when there is no such event (the decider's 404). */
function retractedEventDate(eventId: string, history: readonly TimelineEvent[]): string | null {
  const wanted = eventId.toLowerCase();
  return history.find((e) => e.eventId.toLowerCase() === wanted)?.effectiveDate ?? null;
}

function refuse(odsCode: string, commissioner: string | null, date: string, scope: readonly string[]): never {
  const whose = commissioner === null ? 'has no commissioner' : `has commissioner ${commissioner}`;
  throw new OutOfScopeError(`practice ${odsCode} ${whose} on ${date}; this key may write only for ${scope.join(', ')}`);
}
