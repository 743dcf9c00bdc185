/**
 * What a database error means to a client: the database could not be reached or has gone away ("unavailable"), or it
 * is there but a statement or a lock wait ran past its limit, or it has no connection to spare ("busy"). Both are worth
 * retrying; anything else is a bug or a refusal the caller must handle itself.
 */
export type DatabaseFailure = 'unavailable' | 'busy';

// SQLSTATEs: 57014 statement_timeout, 55P03 lock_timeout, 53300 too many connections, 53xxx out of resources.
const BUSY_STATES = new Set(['57014', '55P03', '53300', '53000', '53100', '53200']);
// 57P01-57P03: the server is shutting down, crashed or starting up; class 08: the connection failed.
const UNAVAILABLE_STATE = /^(57P0[1-3]|08...)$/;
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOENT',
]);
// pg and pg-pool say these in words only.
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection error',
  'Client was closed and is not queryable',
  'Connection terminated due to connection timeout',
  'the database system is',
];
// A replica's read cancelled because replaying the primary's changes needed its rows (SQLSTATE 40001, as is a plain
// serialization failure, which must not be taken for this).
const BUSY_MESSAGES = ['timeout exceeded when trying to connect', 'Query read timeout', 'conflict with recovery'];

export function classifyDatabaseFailure(error: unknown): DatabaseFailure | null {
  // typeof, not instanceof: errors made by Node's own sockets come from another realm under a test runner's VM.
  for (let cause = error, depth = 0; typeof cause === 'object' && cause !== null && depth < 5; cause = causeOf(cause), depth++) {
    const failure = classifyOne(cause as { code?: unknown; message?: unknown });
    if (failure) return failure;
  }
  return null;
}

function classifyOne(error: { code?: unknown; message?: unknown }): DatabaseFailure | null {
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  if (BUSY_STATES.has(code)) return 'busy';
  if (UNAVAILABLE_STATE.test(code) || UNAVAILABLE_ERRNOS.has(code)) return 'unavailable';
  // A pool that could not hand out a connection in time: every connection busy, or the server not answering.
  if (BUSY_MESSAGES.some((text) => message.includes(text))) return 'busy';
  if (UNAVAILABLE_MESSAGES.some((text) => message.includes(text))) return 'unavailable';
  return null;
}

/** TypeORM wraps the driver's error in `driverError`; Nest and others use `cause`. */
function causeOf(error: object): unknown {
  return (error as { driverError?: unknown }).driverError ?? (error as { cause?: unknown }).cause;
}
