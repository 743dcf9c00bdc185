import {
  decide,
  toNewEvent,
  PracticeAlreadyExistsError,
  PracticeNotFoundError,
  PracticeRuleViolation,
  type PracticeCommand,
  type TimelineEvent,
} from '#practices';
import type { NewEvent } from '#event-store';
import { commissionerHistory, type CommissionerChangePoint, type SourceRef, type SourcedSpell } from './commissioner-spells.js';
import type { PracticeRecord } from './epraccur.row.js';
import { dayAfter, dayBefore } from './ods-date.js';
import { registerView, type RegisterView } from './register-view.js';
import type { SkippedRow } from './row-rejection.js';

export interface ImportContext {
  readonly recordedBy: string;
  readonly correlationId: string;
  /** The date a rename is taken to have happened: the files say only that the name is new, not since when. */
  readonly extractDate: string;
  readonly newEventId: () => string;
  /** Stands in for the database clock on events decided in memory, before they are appended. */
  readonly now: string;
}

export interface PracticeToImport {
  readonly record: PracticeRecord;
  readonly source: SourceRef;
  readonly spells: readonly SourcedSpell[];
  /**
   * True when the spells are the practice's whole membership history (epcmem); false when they are only the current
   * spell from the practice row, which says nothing about the commissioner before it began.
   */
  readonly completeSpells: boolean;
}

export interface PracticeImportResult {
  readonly events: readonly NewEvent[];
  readonly skipped: readonly SkippedRow[];
  readonly outcome: 'new' | 'updated' | 'unchanged';
}

/**
 * Decides what one practice's stream needs so that it says what the files say: the commands are planned against
 * the stream (so a rerun plans nothing) and each goes through the decider on the stream's timeline plus what this
 * import has decided so far, so every appended event obeys the same rules as a command sent to the API.
 */
export function importPractice(practice: PracticeToImport, stream: readonly TimelineEvent[], context: ImportContext): PracticeImportResult {
  const { record, source } = practice;
  const timeline = [...stream];
  const events: NewEvent[] = [];
  const skipped: SkippedRow[] = [];
  const wasOpened = registerView(timeline).opened;

  const apply = (command: PracticeCommand, from: SourceRef): boolean => {
    try {
      const decision = decide(command, { practice: timeline });
      for (const decided of decision.practice) {
        const eventId = context.newEventId();
        timeline.push({
          eventId,
          event: decided.event,
          effectiveDate: decided.effectiveDate,
          streamVersion: timeline.length + 1,
          recordedAt: context.now,
        });
        events.push(
          toNewEvent(decided, eventId, { recordedBy: context.recordedBy, correlationId: context.correlationId, causationId: null, source: from }),
        );
      }
      return true;
    } catch (error) {
      if (!isRefusal(error)) throw error;
      skipped.push({ file: from.file, line: from.line, code: 'RULE_VIOLATION', reason: `${command.type} refused: ${error.message}` });
      return false;
    }
  };
  const note = (reason: string) => skipped.push({ file: source.file, line: source.line, code: 'DIFFERS_FROM_REGISTER', reason });

  const before = registerView(timeline);
  const openedOn = before.openedOn ?? record.openedOn;
  if (before.openedOn !== null && before.openedOn !== record.openedOn) {
    note(`open date ${record.openedOn} differs from the register's ${before.openedOn}; the register's is kept`);
  }
  const history = commissionerHistory({ openedOn, closedOn: record.closedOn }, practice.spells);
  skipped.push(...history.skipped);

  if (!before.opened) {
    const opening = {
      type: 'OpenPractice',
      odsCode: record.odsCode,
      name: record.name,
      openedOn,
      commissionerCode: history.opening.commissionerCode,
      contract: null,
    } as const;
    if (!apply(opening, source)) return { events: [], skipped, outcome: 'unchanged' };
  } else if (practice.completeSpells && before.commissionerAt(openedOn) !== history.opening.commissionerCode) {
    const code = history.opening.commissionerCode;
    apply({ type: 'ChangeCommissioner', odsCode: record.odsCode, commissionerCode: code, effectiveDate: openedOn }, history.opening.source ?? source);
  }

  const changes = practice.completeSpells || !before.opened ? history.changes : currentSpellChange(practice, before, context.extractDate);
  for (const change of changes) {
    if (registerView(timeline).commissionerAt(change.effectiveDate) === change.commissionerCode) continue;
    apply(
      { type: 'ChangeCommissioner', odsCode: record.odsCode, commissionerCode: change.commissionerCode, effectiveDate: change.effectiveDate },
      change.source,
    );
  }

  const current = registerView(timeline);
  if (current.name !== record.name) {
    apply(
      {
        type: 'RenamePractice',
        odsCode: record.odsCode,
        name: record.name,
        effectiveDate: renameDate(context.extractDate, openedOn, record.closedOn, current.endedOn),
      },
      source,
    );
  }

  if (record.closedOn !== null && current.endedOn === null) {
    apply(
      {
        type: 'ClosePractice',
        odsCode: record.odsCode,
        reason: `closed in ODS (last day ${record.closedOn})`,
        effectiveDate: dayAfter(record.closedOn),
      },
      source,
    );
  } else if (record.closedOn !== null && current.endedOn !== dayAfter(record.closedOn)) {
    note(`ODS closes the practice after ${record.closedOn}, the register ended it on ${current.endedOn}; the register's is kept`);
  } else if (record.closedOn === null && current.endedOn !== null && current.endedOn <= context.extractDate && wasOpened) {
    // An ending after the extract date is news the file could not have had; one before it contradicts the file.
    note(`ODS has the practice open (status ${record.status}), the register ended it on ${current.endedOn}`);
  }

  const outcome = events.length === 0 ? 'unchanged' : wasOpened ? 'updated' : 'new';
  return { events, skipped, outcome };
}

/**
 * Without epcmem, the practice row tells only its current (or last) commissioner. For a practice already in the
 * register that is compared with what the register says at the end (closure or extract date); a difference is
 * recorded after the register's latest commissioner change, so recorded history is never rewritten from less.
 */
function currentSpellChange(practice: PracticeToImport, view: RegisterView, extractDate: string): CommissionerChangePoint[] {
  const spell = practice.spells[0];
  if (!spell) return [];
  const { closedOn } = practice.record;
  const end = closedOn !== null && closedOn < extractDate ? closedOn : extractDate;
  if (view.commissionerAt(end) === spell.commissionerCode) return [];
  const afterLatest = view.lastCommissionerChangeOn === null ? spell.from : dayAfter(view.lastCommissionerChangeOn);
  return [{ effectiveDate: afterLatest > spell.from ? afterLatest : spell.from, commissionerCode: spell.commissionerCode, source: spell.source }];
}

/** The extract date, kept within the practice's life (a rename needs the practice open on that day). */
function renameDate(extractDate: string, openedOn: string, closedOn: string | null, endedOn: string | null): string {
  let date = extractDate < openedOn ? openedOn : extractDate;
  if (closedOn !== null && date > closedOn) date = closedOn;
  if (endedOn !== null && date >= endedOn) date = dayBefore(endedOn) < openedOn ? openedOn : dayBefore(endedOn);
  return date;
}

function isRefusal(error: unknown): error is Error {
  return error instanceof PracticeRuleViolation || error instanceof PracticeNotFoundError || error instanceof PracticeAlreadyExistsError;
}
