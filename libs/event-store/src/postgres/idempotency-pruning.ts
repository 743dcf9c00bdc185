import type pg from 'pg';
import { PRUNE_IDEMPOTENCY_KEYS_SQL } from './append.sql.js';

/** SPEC §9: keys are kept for 24 hours unless IDEMPOTENCY_TTL_HOURS says otherwise. */
export const DEFAULT_IDEMPOTENCY_TTL_HOURS = 24;
/** How often a process that uses keys removes expired ones. */
const PRUNE_EVERY_MS = 10 * 60_000;

export function idempotencyTtlSecondsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.IDEMPOTENCY_TTL_HOURS?.trim();
  if (!text) return DEFAULT_IDEMPOTENCY_TTL_HOURS * 3600;
  const hours = Number(text);
  if (!Number.isFinite(hours) || hours <= 0) throw new Error(`IDEMPOTENCY_TTL_HOURS must be a positive number of hours, got "${text}"`);
  return Math.round(hours * 3600);
}

/**
 * Removes expired keys after an append that used one, at most once every ten minutes per process and never on the
 * append's own time: expired keys are already ignored by lookups, so pruning only keeps the table small.
 */
export class IdempotencyPruner {
  private lastRun = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly ttlSeconds: number,
  ) {}

  maybePrune(): void {
    if (Date.now() - this.lastRun < PRUNE_EVERY_MS) return;
    this.lastRun = Date.now();
    void this.prune().catch(() => undefined); // a failed prune is retried at the next interval
  }

  async prune(): Promise<number> {
    const { rowCount } = await this.pool.query(PRUNE_IDEMPOTENCY_KEYS_SQL, [this.ttlSeconds]);
    return rowCount ?? 0;
  }
}
