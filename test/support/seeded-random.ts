/** A small deterministic generator (mulberry32) so a failing property run can be repeated from its seed. */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A date `days` from 0 to `span` days after `from` (YYYY-MM-DD). */
  dateAfter(from: string, span: number): string {
    return new Date(Date.parse(`${from}T00:00:00Z`) + this.int(span + 1) * 86_400_000).toISOString().slice(0, 10);
  }
}
