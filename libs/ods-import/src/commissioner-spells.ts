import { dayAfter } from './ods-date.js';
import type { SkippedRow } from './row-rejection.js';

export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

/** A spell with its origin: an epcmem row, or the commissioner fields of the epraccur row when no epcmem is given. */
export interface SourcedSpell {
  readonly commissionerCode: string;
  readonly from: string;
  readonly to: string | null;
  readonly source: SourceRef;
}

export interface CommissionerChangePoint {
  readonly effectiveDate: string;
  readonly commissionerCode: string | null;
  readonly source: SourceRef;
}

/** What the spells say about one practice's commissioners, as dated changes within its life. */
export interface CommissionerHistory {
  readonly opening: { readonly commissionerCode: string | null; readonly source: SourceRef | null };
  readonly changes: readonly CommissionerChangePoint[];
  readonly skipped: readonly SkippedRow[];
}

interface PracticeLife {
  readonly openedOn: string;
  readonly closedOn: string | null;
}

/**
 * Turns spells into dated changes. A spell that begins before the practice opened is clamped to the open date (it
 * gives the commissioner at opening); one that lies wholly outside the practice's life, or overlaps an earlier spell,
 * is skipped with a reason. A spell's left date is its last day: when no spell starts the day after, the practice
 * has no commissioner from then (unless it has closed by then: the closure ends the membership).
 */
export function commissionerHistory(life: PracticeLife, spells: readonly SourcedSpell[]): CommissionerHistory {
  const skipped: SkippedRow[] = [];
  const accepted: SourcedSpell[] = [];
  for (const spell of [...spells].sort((a, b) => a.from.localeCompare(b.from) || a.source.line - b.source.line)) {
    const previous = accepted.at(-1);
    if (spell.to !== null && spell.to < life.openedOn) {
      skipped.push(
        skip(
          spell,
          'SPELL_OUTSIDE_PRACTICE_LIFE',
          `spell in ${spell.commissionerCode} ends ${spell.to}, before the practice opened on ${life.openedOn}`,
        ),
      );
    } else if (life.closedOn !== null && spell.from > life.closedOn) {
      skipped.push(
        skip(
          spell,
          'SPELL_OUTSIDE_PRACTICE_LIFE',
          `spell in ${spell.commissionerCode} starts ${spell.from}, after the practice closed on ${life.closedOn}`,
        ),
      );
    } else if (previous && (previous.to === null || previous.to >= spell.from)) {
      skipped.push(
        skip(
          spell,
          'OVERLAPPING_SPELL',
          `spell in ${spell.commissionerCode} from ${spell.from} overlaps the spell in ${previous.commissionerCode} on line ${previous.source.line}`,
        ),
      );
    } else {
      accepted.push(spell);
    }
  }

  let opening: CommissionerHistory['opening'] = { commissionerCode: null, source: null };
  const changes: CommissionerChangePoint[] = [];
  accepted.forEach((spell, index) => {
    if (spell.from <= life.openedOn) opening = { commissionerCode: spell.commissionerCode, source: spell.source };
    else changes.push({ effectiveDate: spell.from, commissionerCode: spell.commissionerCode, source: spell.source });
    if (spell.to === null) return;
    const ended = dayAfter(spell.to);
    const next = accepted[index + 1];
    const closedBy = life.closedOn !== null && ended > life.closedOn;
    if (!closedBy && next?.from !== ended) changes.push({ effectiveDate: ended, commissionerCode: null, source: spell.source });
  });
  return { opening, changes, skipped };
}

function skip(spell: SourcedSpell, code: SkippedRow['code'], reason: string): SkippedRow {
  return { file: spell.source.file, line: spell.source.line, code, reason };
}
