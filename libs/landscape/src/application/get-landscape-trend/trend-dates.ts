export const TREND_INTERVALS = ['month', 'quarter', 'year'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];
export const MAX_TREND_POINTS = 400;

const MONTHS: Record<TrendInterval, number> = { month: 1, quarter: 3, year: 12 };

/**
 * The trend's dates: from, then every interval after it while not past `to`. The k-th date is `from` plus k intervals,
 * its day clamped to the month's length (31 January monthly: 29 February, 31 March, 30 April), as PostgreSQL adds an
 * interval to a date. Null when there would be more than `max` dates, without listing them all.
 */
export function trendDates(from: string, to: string, every: TrendInterval, max = MAX_TREND_POINTS): string[] | null {
  const [year, month, day] = from.split('-').map(Number);
  const dates: string[] = [];
  for (let k = 0; ; k++) {
    const date = monthsAfter(year, month, day, k * MONTHS[every]);
    if (date > to) return dates;
    if (dates.length === max) return null;
    dates.push(date);
  }
}

function monthsAfter(year: number, month: number, day: number, months: number): string {
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}
