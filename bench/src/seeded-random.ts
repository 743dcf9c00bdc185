import type { SeededRandom } from '#demo-history';

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A uniformly random date in [from, to], both YYYY-MM-DD. */
export function randomDate(random: SeededRandom, from: string, to: string): string {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
  return addDays(from, random.int(0, Math.max(0, days)));
}

export const today = (): string => new Date().toISOString().slice(0, 10);
