import { openedPracticeVersion } from '../../../test/support/opened-version.js';
import { VERSION_ROW_COLUMNS, versionRow } from './version-columns.js';
import { arrayLiteral, copyTextValue, versionCopyChunks, versionCopyLine } from './version-copy-text.js';

describe('COPY text of version rows', () => {
  it('given text with tabs, newlines, carriage returns and backslashes, then each is a backslash escape and nothing else changes', () => {
    expect(copyTextValue('a\tb\nc\rd\\e "f" {g}')).toBe('a\\tb\\nc\\rd\\\\e "f" {g}');
    expect(copyTextValue('plain')).toBe('plain');
  });

  it('given NULL, then the NULL marker; given text that reads like the marker, then an escaped backslash', () => {
    expect(copyTextValue(null)).toBe('\\N');
    expect(copyTextValue('\\N')).toBe('\\\\N');
  });

  it('given array elements with quotes, backslashes, commas, braces, spaces or NULL, then every element is quoted', () => {
    expect(arrayLiteral([])).toBe('{}');
    expect(arrayLiteral(['a,b', 'say "hi"', 'back\\slash', '{x}', 'NULL', ' '])).toBe('{"a,b","say \\"hi\\"","back\\\\slash","{x}","NULL"," "}');
  });

  describe('given a practice version', () => {
    const insert = openedPracticeVersion('Church\tStreet', '2010-04-01');
    const { state } = insert;

    it('then the line has one field per written column, in the columns order, and names every column of the row', () => {
      expect(Object.keys(versionRow(insert)).sort()).toEqual([...VERSION_ROW_COLUMNS].sort());
      const fields = versionCopyLine(insert).slice(0, -1).split('\t');
      expect(fields).toHaveLength(VERSION_ROW_COLUMNS.length);
      expect(fields[VERSION_ROW_COLUMNS.indexOf('valid_to')]).toBe('\\N');
      expect(fields[VERSION_ROW_COLUMNS.indexOf('single_handed')]).toMatch(/^[tf]$/);
    });

    it('then chunks hold whole lines, all of them, in order, UTF-8 encoded', () => {
      const inserts = Array.from({ length: 5 }, (_, i) => ({
        ...insert,
        validFrom: `201${i}-04-01`,
        state: { ...state, name: `St Mary’s Café ${i}` },
      }));
      const lines = inserts.map(versionCopyLine);
      const line = Buffer.byteLength(lines[0]);
      const small = [...versionCopyChunks(inserts, line)];
      expect(small.map((chunk) => chunk.toString('utf8'))).toEqual(lines);
      const all = [...versionCopyChunks(inserts)];
      expect(all).toHaveLength(1);
      expect(all[0].toString('utf8')).toBe(lines.join(''));
    });
  });
});
