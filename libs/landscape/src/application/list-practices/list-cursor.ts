import type { CursorSigner } from '#platform';

/**
 * The opaque cursor of GET /practices: it carries the asOf and knownAt of the first page, so every page of a listing
 * answers for the same moment, and the last practice shown (pages are in ODS code order).
 */
export interface ListCursor {
  readonly asOf: string;
  readonly knownAt: string;
  readonly after: string;
}

const PREFIX = 'p1.';

/** Signed (SPEC §9): a client cannot page a moment it was not answered for, e.g. a knownAt beyond the horizon. */
export function encodeListCursor(cursor: ListCursor, signer: CursorSigner): string {
  return signer.sign(PREFIX + Buffer.from(JSON.stringify([cursor.asOf, cursor.knownAt, cursor.after])).toString('base64url'));
}

export function decodeListCursor(signed: string, signer: CursorSigner): ListCursor | null {
  const text = signer.verify(signed);
  if (text === null || !text.startsWith(PREFIX)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) return null;
    const [asOf, knownAt, after] = parsed as string[];
    if (!isRealDate(asOf) || !isInstant(knownAt) || !/^[A-Z][0-9]{5}$/.test(after)) return null;
    return { asOf, knownAt, after };
  } catch {
    return null;
  }
}

/** A calendar date that exists (2023-02-30 does not). */
function isRealDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

function isInstant(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text));
}
