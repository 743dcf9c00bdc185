/** What verify-log can find wrong; the event-level kinds name the first event changed since it was signed. */
export type LogProblemKind = 'altered' | 'removed' | 'inserted' | 'reordered' | 'backdated' | 'root' | 'signature' | 'heads';

export interface LogProblem {
  readonly kind: LogProblemKind;
  /** The event concerned, when one can be named. */
  readonly eventId: string | null;
  /** Its leaf index: where it is in the log now, or where the signed tree had it. */
  readonly leafIndex: number | null;
  /** The head that exposes it, when one does. */
  readonly treeSize: number | null;
  readonly message: string;
}

export const EVENT_PROBLEMS: ReadonlySet<LogProblemKind> = new Set(['altered', 'removed', 'inserted', 'reordered', 'backdated']);
