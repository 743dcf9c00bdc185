import { WrongExpectedVersionError } from '#event-store';
import { ConcurrencyConflictError } from './shared/write-refusals.js';

export interface LostRacePolicy {
  /** Attempts before giving up with ConcurrencyConflictError. */
  readonly maxAttempts: number;
  /** Wait a little before the next attempt, so that many racers on one practice stop colliding. */
  readonly backOff?: boolean;
  /** A lost race that must not be retried (If-Match named a version): the error to throw instead. */
  readonly refuse?: (race: WrongExpectedVersionError) => Error | null;
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));

/**
 * The shell every practice write runs in: `attempt` reads, decides and appends at the versions it decided on; when
 * another writer got there first (a lost race) it runs again, deciding on the streams read afresh. Each round one
 * racer wins, so n writers on one practice need up to n rounds.
 */
export async function retryLostRaces<T>(attempt: (n: number) => Promise<T>, policy: LostRacePolicy): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const refusal = policy.refuse?.(error);
      if (refusal) throw refusal;
      if (n >= policy.maxAttempts) throw new ConcurrencyConflictError(n, error.message);
      if (policy.backOff) await pause(n);
    }
  }
}
