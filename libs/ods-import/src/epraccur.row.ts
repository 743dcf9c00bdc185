import { parseOdsDate } from './ods-date.js';
import { rejected, type RowParse } from './row-rejection.js';

/** One GP practice (or other prescribing cost centre) from epraccur.csv, validated. */
export interface PracticeRecord {
  readonly odsCode: string;
  readonly name: string;
  readonly openedOn: string;
  /** The last day the practice was open (inclusive), or null. */
  readonly closedOn: string | null;
  readonly status: OdsStatus;
  readonly prescribingSetting: number;
  /** The current (or last) commissioner and its spell, as epraccur states it: used when no epcmem file is given. */
  readonly commissioner: { readonly code: string; readonly from: string | null; readonly to: string | null } | null;
}

export type OdsStatus = 'A' | 'C' | 'D' | 'P';

const FIELD_COUNT = 27;
const PRACTICE_CODE = /^[A-Z][0-9]{5}$/;
const COMMISSIONER_CODE = /^[0-9A-Z]{3,5}$/;
const STATUSES: readonly string[] = ['A', 'C', 'D', 'P'];

// 0-based positions of the fields used (DOMAIN.md numbers them from 1).
const CODE = 0;
const NAME = 1;
const OPEN_DATE = 10;
const CLOSE_DATE = 11;
const STATUS = 12;
const COMMISSIONER = 14;
const JOIN_DATE = 15;
const LEFT_DATE = 16;
const PRESCRIBING_SETTING = 25;

/** The prescribing setting alone, so rows outside the imported settings are set aside before full validation. */
export function prescribingSettingOf(fields: readonly string[]): RowParse<number> {
  if (fields.length !== FIELD_COUNT) {
    return rejected('WRONG_FIELD_COUNT', `expected ${FIELD_COUNT} fields, found ${fields.length}`);
  }
  const setting = fields[PRESCRIBING_SETTING].trim();
  if (!/^\d{1,3}$/.test(setting)) return rejected('INVALID_SETTING', `prescribing setting "${setting}" is not a number`);
  return { ok: true, value: Number(setting) };
}

export function parsePracticeRow(fields: readonly string[]): RowParse<PracticeRecord> {
  const setting = prescribingSettingOf(fields);
  if (!setting.ok) return setting;
  const odsCode = fields[CODE].trim();
  if (!PRACTICE_CODE.test(odsCode)) return rejected('INVALID_ODS_CODE', `organisation code "${odsCode}" is not a practice code (A12345)`);
  const name = fields[NAME].trim().replace(/\s+/g, ' ');
  if (name === '') return rejected('MISSING_NAME', `practice ${odsCode} has no name`);
  if (name.length > 200) return rejected('MISSING_NAME', `practice ${odsCode} has a name longer than 200 characters`);

  const opened = parseOdsDate(fields[OPEN_DATE].trim());
  if (!opened.ok || opened.date === null) return rejected('INVALID_DATE', `open date "${fields[OPEN_DATE]}" is not a YYYYMMDD date`);
  const closed = parseOdsDate(fields[CLOSE_DATE].trim());
  if (!closed.ok) return rejected('INVALID_DATE', `close date "${fields[CLOSE_DATE]}" is not a YYYYMMDD date`);
  if (closed.date !== null && closed.date < opened.date) {
    return rejected('DATES_OUT_OF_ORDER', `close date ${closed.date} is before open date ${opened.date}`);
  }
  const status = fields[STATUS].trim();
  if (!STATUSES.includes(status)) return rejected('INVALID_STATUS', `status "${status}" is not one of A, C, D, P`);
  if (status === 'C' && closed.date === null) return rejected('INVALID_DATE', 'status C (closed) without a close date');

  const commissioner = parseCommissioner(fields);
  if (!commissioner.ok) return commissioner;
  return {
    ok: true,
    value: {
      odsCode,
      name,
      openedOn: opened.date,
      closedOn: closed.date,
      status: status as OdsStatus,
      prescribingSetting: setting.value,
      commissioner: commissioner.value,
    },
  };
}

function parseCommissioner(fields: readonly string[]): RowParse<PracticeRecord['commissioner']> {
  const code = fields[COMMISSIONER].trim();
  if (code === '') return { ok: true, value: null };
  if (!COMMISSIONER_CODE.test(code)) return rejected('INVALID_COMMISSIONER', `commissioner "${code}" is not a commissioner code`);
  const from = parseOdsDate(fields[JOIN_DATE].trim());
  const to = parseOdsDate(fields[LEFT_DATE].trim());
  if (!from.ok) return rejected('INVALID_DATE', `commissioner join date "${fields[JOIN_DATE]}" is not a YYYYMMDD date`);
  if (!to.ok) return rejected('INVALID_DATE', `commissioner left date "${fields[LEFT_DATE]}" is not a YYYYMMDD date`);
  if (from.date !== null && to.date !== null && to.date < from.date) {
    return rejected('DATES_OUT_OF_ORDER', `commissioner left date ${to.date} is before its join date ${from.date}`);
  }
  return { ok: true, value: { code, from: from.date, to: to.date } };
}
