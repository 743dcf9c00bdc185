import type { SkippedRow, SkipCode } from './row-rejection.js';

/** What an import did, for the CLI summary and its --json output. */
export interface OdsImportReport {
  readonly files: { readonly practices: string; readonly memberships: string | null };
  readonly extractDate: string;
  readonly settings: 'gp-practices' | 'all';
  readonly rowsRead: { readonly practices: number; readonly memberships: number };
  readonly practices: {
    /** Rows in the imported prescribing settings that passed validation. */
    readonly valid: number;
    /** Rows of other prescribing settings (walk-in centres, prisons…), left out unless --all-settings. */
    readonly otherSettings: number;
    readonly new: number;
    readonly updated: number;
    readonly unchanged: number;
  };
  readonly spellsUsed: number;
  readonly eventsAppended: number;
  readonly eventsByType: Readonly<Record<string, number>>;
  readonly rowsSkipped: number;
  readonly skippedByCode: Readonly<Partial<Record<SkipCode, number>>>;
  readonly skipped: readonly SkippedRow[];
  readonly durationMs: number;
  /** Events appended per second of the whole import. */
  readonly eventsPerSec: number;
}

export interface ImportProgress {
  readonly phase: 'memberships' | 'practices';
  readonly linesRead: number;
  readonly totalLines: number;
  readonly eventsAppended: number;
}

/** Mutable tallies while the import runs. */
export class ImportTally {
  practiceRows = 0;
  membershipRows = 0;
  valid = 0;
  otherSettings = 0;
  newPractices = 0;
  updated = 0;
  unchanged = 0;
  spellsUsed = 0;
  eventsAppended = 0;
  readonly eventsByType: Record<string, number> = {};
  readonly skipped: SkippedRow[] = [];

  countEvents(types: readonly string[]): void {
    this.eventsAppended += types.length;
    for (const type of types) this.eventsByType[type] = (this.eventsByType[type] ?? 0) + 1;
  }

  report(files: OdsImportReport['files'], extractDate: string, allSettings: boolean, durationMs: number): OdsImportReport {
    const skippedByCode: Partial<Record<SkipCode, number>> = {};
    for (const row of this.skipped) skippedByCode[row.code] = (skippedByCode[row.code] ?? 0) + 1;
    const skipped = [...this.skipped].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return {
      files,
      extractDate,
      settings: allSettings ? 'all' : 'gp-practices',
      rowsRead: { practices: this.practiceRows, memberships: this.membershipRows },
      practices: { valid: this.valid, otherSettings: this.otherSettings, new: this.newPractices, updated: this.updated, unchanged: this.unchanged },
      spellsUsed: this.spellsUsed,
      eventsAppended: this.eventsAppended,
      eventsByType: { ...this.eventsByType },
      rowsSkipped: new Set(skipped.map((row) => `${row.file}:${row.line}`)).size,
      skippedByCode,
      skipped,
      durationMs,
      eventsPerSec: Math.round(this.eventsAppended / Math.max(durationMs / 1000, 0.001)),
    };
  }
}
