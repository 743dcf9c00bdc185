import { classifyDatabaseFailure } from '#platform';
import { problemDocument, type Problem } from './problem.js';

/** Seconds a client should wait before retrying: a restarting server is usually back within a few. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * SPEC §9: a database that cannot be reached is 503 DATABASE_UNAVAILABLE, one whose statement or lock wait ran past
 * its limit (or whose pool had no connection in time) 503 DATABASE_BUSY, both with Retry-After, so that a client can
 * tell "try again" from a bug.
 */
export function databaseProblem(exception: unknown, instance: string): Problem | null {
  const failure = classifyDatabaseFailure(exception);
  if (failure === null) return null;
  const problem =
    failure === 'unavailable'
      ? problemDocument(503, 'Database unavailable', 'The database cannot be reached at the moment; retry later.', 'DATABASE_UNAVAILABLE', instance)
      : problemDocument(503, 'Database busy', 'The database did not answer within its time limit; retry later.', 'DATABASE_BUSY', instance);
  return { ...problem, retryAfter: DATABASE_RETRY_AFTER_SECONDS };
}
