import type { SeededRandom } from '#demo-history';
import type { PracticeFacts } from '../dataset/practice-facts.js';
import { addDays } from '../seeded-random.js';

/** A practice a client writes to, with the next effective date to use (always after everything on its stream). */
export interface WriteTarget {
  readonly odsCode: string;
  nextDate: string;
}

/**
 * Valid commands for the load: list-size updates on open practices, each practice owned by one client, dated one day
 * after the previous write to it (never retroactive, never after a closure). Future dates are allowed by the SPEC.
 */
export class WritePlan {
  private readonly pool: WriteTarget[];

  constructor(openPractices: readonly PracticeFacts[], random: SeededRandom) {
    this.pool = random.shuffle(openPractices).map((p) => ({ odsCode: p.odsCode, nextDate: addDays(p.lastDate, 1) }));
  }

  /** Takes `count` practices no one else writes to. */
  take(count: number): WriteTarget[] {
    if (count > this.pool.length) throw new Error(`only ${this.pool.length} open practices left to write to, ${count} wanted`);
    return this.pool.splice(0, count);
  }
}

export function listSizeCommand(
  target: WriteTarget,
  random: SeededRandom,
): { path: string; body: { registeredPatients: number; effectiveDate: string } } {
  const effectiveDate = target.nextDate;
  target.nextDate = addDays(effectiveDate, 1);
  return {
    path: `/practices/${target.odsCode}/list-size`,
    body: { registeredPatients: random.int(1_500, 25_000), effectiveDate },
  };
}
