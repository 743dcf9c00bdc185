import type { SerializedError, SessionStatement, SessionTransactionResult } from './session-transaction.js';

/** What the embedded database's thread is started with. */
export interface EmbeddedWorkerData {
  /** The data folder (absolute), or 'memory://'. */
  readonly location: string;
  readonly durable: boolean;
  readonly socketPath: string;
  readonly maxConnections: number;
}

export type ToEmbeddedWorker =
  { readonly type: 'transaction'; readonly id: number; readonly statements: readonly SessionStatement[] } | { readonly type: 'close' };

export type FromEmbeddedWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'failed'; readonly error: SerializedError }
  | { readonly type: 'result'; readonly id: number; readonly result: SessionTransactionResult }
  | { readonly type: 'error'; readonly id: number; readonly error: SerializedError }
  | { readonly type: 'closed' };
