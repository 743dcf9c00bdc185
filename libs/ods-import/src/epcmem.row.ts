import { parseOdsDate } from './ods-date.js';
import { rejected, type RowParse } from './row-rejection.js';

/** One membership spell from epcmem.csv: a practice's commissioner from `from` to `to` (inclusive; null: ongoing). */
export interface MembershipSpell {
  readonly odsCode: string;
  readonly commissionerCode: string;
  readonly from: string;
  readonly to: string | null;
  readonly line: number;
}

const FIELD_COUNT = 6;
const ORGANISATION_CODE = /^[A-Z0-9]{3,8}$/;
const COMMISSIONER_CODE = /^[0-9A-Z]{3,5}$/;

export function parseMembershipRow(fields: readonly string[], line: number): RowParse<MembershipSpell> {
  if (fields.length !== FIELD_COUNT) return rejected('WRONG_FIELD_COUNT', `expected ${FIELD_COUNT} fields, found ${fields.length}`);
  const [rawCode, rawParent, , rawJoin, rawLeft] = fields.map((field) => field.trim());
  if (!ORGANISATION_CODE.test(rawCode)) return rejected('INVALID_ODS_CODE', `organisation code "${rawCode}" is not an ODS code`);
  if (!COMMISSIONER_CODE.test(rawParent)) return rejected('INVALID_COMMISSIONER', `parent "${rawParent}" is not a commissioner code`);
  const from = parseOdsDate(rawJoin);
  if (!from.ok || from.date === null) return rejected('INVALID_DATE', `join date "${rawJoin}" is not a YYYYMMDD date`);
  const to = parseOdsDate(rawLeft);
  if (!to.ok) return rejected('INVALID_DATE', `left date "${rawLeft}" is not a YYYYMMDD date`);
  if (to.date !== null && to.date < from.date) return rejected('DATES_OUT_OF_ORDER', `left date ${to.date} is before join date ${from.date}`);
  return { ok: true, value: { odsCode: rawCode, commissionerCode: rawParent, from: from.date, to: to.date, line } };
}
