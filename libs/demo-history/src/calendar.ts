/** Effective dates are `YYYY-MM-DD` strings (they compare as strings); arithmetic goes through epoch days. */
const DAY_MS = 86_400_000;

// The generator converts the same few thousand dates millions of times: remember them (a century is ~37k days).
const days = new Map<string, number>();
const dates = new Map<number, string>();

export function toDay(iso: string): number {
  let day = days.get(iso);
  if (day === undefined) {
    day = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
    days.set(iso, day);
  }
  return day;
}

export function fromDay(day: number): string {
  let iso = dates.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dates.set(day, iso);
  }
  return iso;
}
export const addDays = (iso: string, days: number): string => fromDay(toDay(iso) + days);
export const daysBetween = (from: string, to: string): number => toDay(to) - toDay(from);
export const yearsBetween = (from: string, to: string): number => daysBetween(from, to) / 365.25;
export const maxDate = (a: string, b: string): string => (a > b ? a : b);
export const minDate = (a: string, b: string): string => (a < b ? a : b);

/** Adds months, landing on the first of the month. */
export function firstOfMonthAfter(iso: string, months: number): string {
  const index = +iso.slice(0, 4) * 12 + (+iso.slice(5, 7) - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The first day of the month on or after `iso`. */
export const firstOfMonthOnOrAfter = (iso: string): string => (iso.endsWith('-01') ? iso : firstOfMonthAfter(iso, 1));

/** A year as a fraction (2015-07-02 ≈ 2015.5), for interpolating calibration curves. */
export const fractionalYear = (iso: string): number => +iso.slice(0, 4) + (+iso.slice(5, 7) - 1) / 12 + (+iso.slice(8, 10) - 1) / 365;
