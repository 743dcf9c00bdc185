import { openedPracticeVersion } from '../../../test/support/opened-version.js';
import { VERSION_ROW_COLUMNS } from './version-columns.js';
import { postgresDay, postgresMicroseconds, versionCopyBinary } from './version-copy-binary.js';

describe('binary COPY of version rows', () => {
  it('given dates either side of 2000-01-01, then days from it, negative before', () => {
    expect(postgresDay('2000-01-01')).toBe(0);
    expect(postgresDay('1999-12-31')).toBe(-1);
    expect(postgresDay('2016-04-01')).toBe(5935);
    expect(postgresDay('1969-08-27')).toBe(-11084);
  });

  it('given instants in milliseconds, then microseconds from 2000-01-01T00:00Z', () => {
    expect(postgresMicroseconds('2000-01-01T00:00:00.001Z')).toBe(1000);
    expect(postgresMicroseconds('1999-12-31T23:59:59.999Z')).toBe(-1000);
    expect(postgresMicroseconds('2026-12-07T15:52:29.380Z')).toBe(microsecondsFrom2000(2026, 11, 7, 15, 52, 29, 380));
  });

  it('given what is not a date or an instant in milliseconds, then it refuses rather than write another value', () => {
    expect(() => postgresDay('2016-4-1')).toThrow(/not a date/);
    expect(() => postgresDay('2016-02-30')).toThrow(/not a date/);
    expect(() => postgresMicroseconds('2024-01-01T00:00:00.000001Z')).toThrow(/milliseconds/);
    expect(() => postgresMicroseconds('2024-01-01T00:00:00+01:00')).toThrow(/milliseconds/);
  });

  describe('given a practice version', () => {
    const insert = openedPracticeVersion('Tŷ Meddyg\t“Church” ✓', '1998-04-01');
    const { state } = insert;

    it('then the signature and header, one tuple of every written column, and the trailer', () => {
      const bytes = versionCopyBinary([insert, insert]);
      expect(bytes.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
      expect(bytes.readInt32BE(11)).toBe(0);
      expect(bytes.readInt32BE(15)).toBe(0);
      expect(bytes.readInt16BE(19)).toBe(VERSION_ROW_COLUMNS.length);
      expect(bytes.readInt32BE(21)).toBe(Buffer.byteLength('M92011'));
      expect(bytes.readInt32BE(31)).toBe(4);
      expect(bytes.readInt32BE(35)).toBe(postgresDay('1998-04-01'));
      expect(bytes.readInt32BE(39)).toBe(-1); // valid_to: NULL
      expect(bytes.readInt16BE(bytes.length - 2)).toBe(-1);
      expect((bytes.length - 19 - 2) % 2).toBe(0); // two identical tuples between the 19-byte header and the trailer
    });

    it('then the name and the state are UTF-8, whole', () => {
      const bytes = versionCopyBinary([insert]);
      expect(bytes.includes(Buffer.from('Tŷ Meddyg\t“Church” ✓'))).toBe(true);
      expect(bytes.includes(Buffer.from(JSON.stringify(state)))).toBe(true);
    });
  });
});

function microsecondsFrom2000(...parts: [number, number, number, number, number, number, number]): number {
  return (Date.UTC(...parts) - Date.UTC(2000, 0, 1)) * 1000;
}
