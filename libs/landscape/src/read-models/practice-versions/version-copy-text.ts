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
  return `${VERSION_ROW_COLUMNS.map((column) => columnText(row, column)).join('\t')}\n`;
}

/** The rows as COPY text in pieces of `rowsPerChunk`: the socket starts sending before the last row is encoded. */
export function* versionCopyChunks(inserts: readonly VersionRowInsert[], rowsPerChunk = 250): Generator<string> {
  for (let start = 0; start < inserts.length; start += rowsPerChunk) {
    yield inserts.slice(start, start + rowsPerChunk).map(versionCopyLine).join('');
  }
}
