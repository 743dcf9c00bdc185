/** Refusals of the write path that are not the decider's: translated to HTTP only by the exception filter. */

/** If-Match named a stream version the practice is no longer (or not yet) at. */
export class StreamVersionMismatchError extends Error {
  constructor(
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`If-Match expected stream version ${expectedVersion} but the practice is at version ${actualVersion}`);
    this.name = 'StreamVersionMismatchError';
  }
}

/** Every attempt lost its race to other writers of the same practice. */
export class ConcurrencyConflictError extends Error {
  constructor(attempts: number, lastRace: string) {
    super(`gave up after ${attempts} attempts: ${lastRace}`);
    this.name = 'ConcurrencyConflictError';
  }
}
