import { VERSION_COLUMN_TYPES, VERSION_ROW_COLUMNS, versionRow, type VersionRow } from './version-columns.js';
import type { VersionRowInsert } from './version-changes.js';

/**
 * Version rows in PostgreSQL's binary COPY format, for the embedded database, whose one thread parses every page it
 * loads: binary fields skip the text input functions (dates, timestamps, integers, array literals) and COPY text's
 * unescaping (a rebuild of 52,491 events spent 1.13 s in its COPY statements against 1.44 s as text, medians of five).
 * Each field is its type's send/receive layout; the state is json, which PostgreSQL receives as its text.
 */

const FIELD_KIND_NAMES = ['text', 'date', 'timestamptz', 'integer', 'boolean', 'text[]', 'json'] as const;
type FieldKind = (typeof FIELD_KIND_NAMES)[number];

const BOUND_KINDS = { ods_code: 'text', valid_from: 'date', valid_to: 'date', recorded_from: 'timestamptz', recorded_to: 'timestamptz' } as const;

/** Each written column's kind, in VERSION_ROW_COLUMNS order, from its SQL type: a type not laid out here stops the load. */
const FIELD_KINDS: readonly FieldKind[] = VERSION_ROW_COLUMNS.map((column) => {
  if (column === 'state') return 'json';
  if (column in BOUND_KINDS) return BOUND_KINDS[column as keyof typeof BOUND_KINDS];
  const kind = VERSION_COLUMN_TYPES[column as keyof typeof VERSION_COLUMN_TYPES].replace(/ NOT NULL.*$/, '');
  if (!(FIELD_KIND_NAMES as readonly string[]).includes(kind)) throw new Error(`binary COPY has no layout for ${column} (${kind})`);
  return kind as FieldKind;
});

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** PostgreSQL's epoch, 2000-01-01, in Unix milliseconds. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;
const TEXT_OID = 25;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The instants a projector writes: events' recordedAt, in milliseconds (a finer one would be cut short). */
const MILLISECOND_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Days since 2000-01-01 of a YYYY-MM-DD date: a date's binary layout (int32). */
export function postgresDay(date: string): number {
  const ms = DATE.test(date) ? Date.parse(date) : NaN;
  // Date.parse rolls 2016-02-30 over to 1 March where PostgreSQL would refuse it: only a date that reads back is one.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new Error(`not a date for binary COPY: ${date}`);
  return (ms - POSTGRES_EPOCH_MS) / DAY_MS;
}

/** Microseconds since 2000-01-01T00:00Z of an ISO instant: a timestamptz's binary layout (int64). */
export function postgresMicroseconds(instant: string): number {
  const ms = MILLISECOND_INSTANT.test(instant) ? Date.parse(instant) : NaN;
  if (Number.isNaN(ms)) throw new Error(`not an instant in milliseconds for binary COPY: ${instant}`);
  return (ms - POSTGRES_EPOCH_MS) * 1000;
}

/** A buffer written front to back, grown as needed. */
class BinaryWriter {
  private buffer: Buffer;
  private used = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.used);
  }

  room(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + bytes));
    this.buffer.copy(grown, 0, 0, this.used);
    this.buffer = grown;
  }

  int16(value: number): void {
    this.room(2);
    this.used = this.buffer.writeInt16BE(value, this.used);
  }

  int32(value: number): void {
    this.room(4);
    this.used = this.buffer.writeInt32BE(value, this.used);
  }

  /** A signed 64-bit integer given as a number (exact below 2^53, as every microsecond instant of this era is). */
  int64(value: number): void {
    const high = Math.floor(value / 2 ** 32);
    this.int32(high);
    this.room(4);
    this.used = this.buffer.writeUInt32BE(value - high * 2 ** 32, this.used);
  }

  /** Starts a field (its length, then its bytes): room for the length, filled in by endField from where it starts. */
  beginField(): number {
    this.room(4);
    this.used += 4;
    return this.used - 4;
  }

  endField(at: number): void {
    this.buffer.writeInt32BE(this.used - at - 4, at);
  }

  utf8(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    this.room(text.length * 3);
    this.used += this.buffer.write(text, this.used);
  }

  byte(value: number): void {
    this.room(1);
    this.buffer[this.used++] = value;
  }

  signature(): void {
    this.room(SIGNATURE.length);
    this.used += SIGNATURE.copy(this.buffer, this.used);
  }
}

function writeValue(out: BinaryWriter, kind: FieldKind, value: VersionRow[keyof VersionRow]): void {
  if (value === null) return out.int32(-1);
  const field = out.beginField();
  switch (kind) {
    case 'text':
      out.utf8(value as string);
      break;
    case 'json':
      out.utf8(JSON.stringify(value));
      break;
    case 'date':
      out.int32(postgresDay(value as string));
      break;
    case 'timestamptz':
      out.int64(postgresMicroseconds(value as string));
      break;
    case 'integer':
      if (!Number.isInteger(value)) throw new Error(`not an integer for binary COPY: ${String(value)}`);
      out.int32(value as number);
      break;
    case 'boolean':
      out.byte(value ? 1 : 0);
      break;
    case 'text[]':
      writeTextArray(out, value as readonly string[]);
      break;
  }
  out.endField(field);
}

/** array_send's layout: dimensions, a has-nulls flag, the element type, each dimension's length and lower bound, then the elements. */
function writeTextArray(out: BinaryWriter, values: readonly string[]): void {
  out.int32(values.length > 0 ? 1 : 0);
  out.int32(0);
  out.int32(TEXT_OID);
  if (values.length === 0) return;
  out.int32(values.length);
  out.int32(1);
  for (const value of values) {
    const field = out.beginField();
    out.utf8(value);
    out.endField(field);
  }
}

/** The rows as one binary COPY buffer: signature, flags and header extension, the tuples, then the trailer. */
export function versionCopyBinary(inserts: readonly VersionRowInsert[]): Buffer {
  const out = new BinaryWriter(inserts.length * 1_536 + 64);
  out.signature();
  out.int32(0);
  out.int32(0);
  for (const insert of inserts) {
    const row = versionRow(insert);
    out.int16(VERSION_ROW_COLUMNS.length);
    VERSION_ROW_COLUMNS.forEach((column, index) => writeValue(out, FIELD_KINDS[index], row[column]));
  }
  out.int16(-1);
  return out.bytes();
}
