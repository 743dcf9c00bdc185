import type { SeededRandom } from '#demo-history';

export { SeededRandom } from '#demo-history';

/** A date from 0 to `span` days after `from` (YYYY-MM-DD). */
export function dateAfter(random: SeededRandom, from: string, span: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + random.int(0, span) * 86_400_000).toISOString().slice(0, 10);
}

/** An integer in [0, below). */
export function below(random: SeededRandom, bound: number): number {
  return random.int(0, bound - 1);
}
