import type { LogCursor } from './event-store.port.js';

/**
 * Cursors and positions leave the service as opaque strings so clients never do arithmetic on them, and so the
 * encoding can change with its version prefix.
 */
const PREFIX = 'v1.';
const MAX_BIGINT = 2n ** 63n - 1n;

export function encodeCursor(cursor: LogCursor): string {
  return PREFIX + Buffer.from(`${cursor.transactionId}.${cursor.position}`).toString('base64url');
}

/** Returns null for anything that is not a cursor this service issued. */
export function decodeCursor(text: string): LogCursor | null {
  if (!text.startsWith(PREFIX)) return null;
  const decoded = Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8');
  const match = /^(\d{1,19})\.(\d{1,19})$/.exec(decoded);
  // Both are bigint columns: a number past their range would fail in the database, not here.
  if (!match || BigInt(match[1]) > MAX_BIGINT || BigInt(match[2]) > MAX_BIGINT) return null;
  return { transactionId: match[1], position: match[2] };
}

/** Log order: by transaction id, then position. */
export function compareCursors(a: LogCursor, b: LogCursor): number {
  const tx = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (tx !== 0n) return tx < 0n ? -1 : 1;
  const pos = BigInt(a.position) - BigInt(b.position);
  return pos === 0n ? 0 : pos < 0n ? -1 : 1;
}
