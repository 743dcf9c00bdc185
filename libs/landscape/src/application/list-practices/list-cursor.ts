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

export function encodeListCursor(cursor: ListCursor): string {
  return PREFIX + Buffer.from(JSON.stringify([cursor.asOf, cursor.knownAt, cursor.after])).toString('base64url');
}

export function decodeListCursor(text: string): ListCursor | null {
  if (!text.startsWith(PREFIX)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) return null;
    const [asOf, knownAt, after] = parsed as string[];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(knownAt)) || !/^[A-Z][0-9]{5}$/.test(after)) return null;
    return { asOf, knownAt, after };
  } catch {
    return null;
  }
}
