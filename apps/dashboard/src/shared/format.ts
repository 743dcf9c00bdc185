/** How figures are written on the pages; the browser tests compare the API's numbers through these same functions. */
export const count = (n: number): string => n.toLocaleString('en-GB');

export const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2019-04-01 → 1 April 2019 (NHS.UK style). */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** An instant as an auditor needs it: to the millisecond, in UTC. */
export const instant = (iso: string): string => iso.replace('T', ' ').replace('Z', ' UTC');

export const today = (): string => new Date().toISOString().slice(0, 10);

export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export const isDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
export const isInstant = (value: string): boolean => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
