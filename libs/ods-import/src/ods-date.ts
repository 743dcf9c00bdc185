/** ODS dates are `YYYYMMDD` (empty for none); the register's effective dates are `YYYY-MM-DD`. */
const ODS_DATE = /^(\d{4})(\d{2})(\d{2})$/;

export type OdsDateParse = { readonly ok: true; readonly date: string | null } | { readonly ok: false };

/** '' → null (no date); a real calendar date → 'YYYY-MM-DD'; anything else is not a date. */
export function parseOdsDate(text: string): OdsDateParse {
  if (text === '') return { ok: true, date: null };
  const match = ODS_DATE.exec(text);
  if (!match) return { ok: false };
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  return isCalendarDate(iso) ? { ok: true, date: iso } : { ok: false };
}

export function isCalendarDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso;
}

/** ODS end dates are the last day that counts: what follows takes effect the day after. */
export function dayAfter(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The date an extract describes, from its file name (`epraccur_2019-10.csv` → 2019-10-01, `…20191015…` → 2019-10-15),
 * or null when the name does not say.
 */
export function extractDateFromFileName(fileName: string): string | null {
  const match = /(?:^|[^0-9])((?:19|20)\d{2})-?(0[1-9]|1[0-2])(?:-?(0[1-9]|[12]\d|3[01]))?(?![0-9])/.exec(fileName);
  if (!match) return null;
  const iso = `${match[1]}-${match[2]}-${match[3] ?? '01'}`;
  return isCalendarDate(iso) ? iso : null;
}
