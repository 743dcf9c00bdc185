import { VERSION_ROW_COLUMNS, versionRow, type VersionRow } from './version-columns.js';
import type { VersionRowInsert } from './version-changes.js';

/**
 * Version rows in PostgreSQL's COPY text format (tab-separated columns in VERSION_ROW_COLUMNS order, `\N` for NULL,
 * backslash escapes), the cheapest input a server parses: a rebuild's page loads about twice as fast as through
 * jsonb_to_recordset, whose parsing of the JSON (the state twice over) was most of the server's work per row.
 */

/** Characters COPY text gives a meaning: each is written as a backslash escape. */
const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One column's value; most values (codes, dates, the state's JSON) have nothing to escape and are tested, not copied. */
export function copyTextValue(value: string | null): string {
  if (value === null) return '\\N';
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (special) => ESCAPES[special]) : value;
}

/** A text[] value as an array literal: every element quoted, so commas, braces, spaces and NULL are plain text. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

function columnText(row: VersionRow, column: (typeof VERSION_ROW_COLUMNS)[number]): string {
  const value = row[column];
  if (value === null || typeof value === 'string') return copyTextValue(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value)) return copyTextValue(arrayLiteral(value));
  return copyTextValue(JSON.stringify(value));
}

/** One line of COPY text per row, ending in a newline. */
export function versionCopyLine(insert: VersionRowInsert): string {
  const row = versionRow(insert);
  let line = columnText(row, VERSION_ROW_COLUMNS[0]);
  for (let index = 1; index < VERSION_ROW_COLUMNS.length; index++) line += `\t${columnText(row, VERSION_ROW_COLUMNS[index])}`;
  return `${line}\n`;
}

/**
 * The rows as COPY text, UTF-8 encoded into buffers of about `chunkBytes` each: the socket starts sending before the
 * last row is encoded, and each line is encoded once, straight into its buffer (joining the lines into one string
 * first, then encoding it, cost more than the lines themselves).
 */
export function* versionCopyChunks(inserts: readonly VersionRowInsert[], chunkBytes = 256 * 1024): Generator<Buffer> {
  let buffer = Buffer.allocUnsafe(chunkBytes);
  let used = 0;
  for (const insert of inserts) {
    const line = versionCopyLine(insert);
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: room for that many means the whole line fits.
    if (used + line.length * 3 > buffer.length) {
      if (used > 0) yield buffer.subarray(0, used);
      buffer = Buffer.allocUnsafe(Math.max(chunkBytes, line.length * 3));
      used = 0;
    }
    used += buffer.write(line, used);
  }
  if (used > 0) yield buffer.subarray(0, used);
}
