/** Why a row (or the part of it that would have become an event) was not imported. */
export const SKIP_CODES = [
  'UNREADABLE_CSV',
  'WRONG_FIELD_COUNT',
  'INVALID_ODS_CODE',
  'MISSING_NAME',
  'INVALID_DATE',
  'INVALID_STATUS',
  'INVALID_SETTING',
  'INVALID_COMMISSIONER',
  'DATES_OUT_OF_ORDER',
  'DUPLICATE_PRACTICE',
  'OVERLAPPING_SPELL',
  'SPELL_OUTSIDE_PRACTICE_LIFE',
  'DIFFERS_FROM_REGISTER',
  'RULE_VIOLATION',
] as const;
export type SkipCode = (typeof SKIP_CODES)[number];

export interface SkippedRow {
  readonly file: string;
  readonly line: number;
  readonly code: SkipCode;
  readonly reason: string;
}

export type RowParse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: SkipCode; readonly reason: string };

export const rejected = (code: SkipCode, reason: string): { ok: false; code: SkipCode; reason: string } => ({
  ok: false,
  code,
  reason,
});
