/**
 * Work for the embedded database's session through the PGlite API rather than its socket (see embedded-session.ts),
 * stated as data so that it crosses to the thread PGlite runs on: one transaction of statements, in order.
 */
export interface SessionStatement {
  readonly sql: string;
  readonly params?: readonly unknown[];
  /** What the statement reads as '/dev/blob' (COPY … FROM '/dev/blob'); handed over to the database's thread, not copied. */
  readonly blob?: Uint8Array;
  /**
   * Go on only if the statement's first row has this column true; otherwise the statements after it are skipped and
   * the transaction commits what ran (a compare-and-set that found the row moved).
   */
  readonly continueIf?: string;
}

export interface SessionTransactionResult {
  /** False when a `continueIf` stopped the transaction. */
  readonly completed: boolean;
  /** Each statement's rows that ran, in order. */
  readonly rows: readonly (readonly Record<string, unknown>[])[];
}

/** Runs statements as one transaction on the embedded session, between the connections' turns. */
export type SessionTransaction = (statements: readonly SessionStatement[]) => Promise<SessionTransactionResult>;

/** Fields of a PostgreSQL error a caller acts on (the exception filter maps codes to answers); kept across threads. */
const ERROR_FIELDS = ['code', 'severity', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'routine'] as const;

export type SerializedError = { readonly name: string; readonly message: string; readonly stack?: string } & Partial<
  Record<(typeof ERROR_FIELDS)[number], string>
>;

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields = error as unknown as Record<string, unknown>;
  const kept = Object.fromEntries(ERROR_FIELDS.filter((field) => typeof fields[field] === 'string').map((field) => [field, fields[field]]));
  return { name: error.name, message: error.message, stack: error.stack, ...kept };
}

export function deserializeError(serialized: SerializedError): Error {
  return Object.assign(new Error(serialized.message), serialized);
}
