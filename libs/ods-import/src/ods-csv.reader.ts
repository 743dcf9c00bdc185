import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

export interface CsvRecord {
  /** 1-based line of the file the record is on. */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface MalformedLine {
  readonly line: number;
  readonly reason: string;
}

/**
 * Streams an ODS file's records. The files are Latin-1 bytes (decoded as such, so no byte is lost), every field
 * quoted, CRLF line ends, no header. A line the CSV parser cannot read is handed to `onMalformed` and skipped; reading
 * goes on. Field counts are left to the row validators, which know each layout.
 */
export async function* readOdsCsv(path: string, onMalformed: (problem: MalformedLine) => void): AsyncGenerator<CsvRecord> {
  let lastMalformedLine = 0;
  const parser = parse({
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (error) => {
      // The parser may complain more than once about one broken line: report it once.
      const line = Number(error?.lines ?? 0);
      if (error && line !== lastMalformedLine) {
        lastMalformedLine = line;
        onMalformed({ line, reason: `unreadable CSV: ${firstSentence(error.message)}` });
      }
      return undefined;
    },
  });
  const source = createReadStream(path, { encoding: 'latin1' });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  for await (const { info, record } of parser as AsyncIterable<{ info: { lines: number }; record: string[] }>) {
    yield { line: info.lines, fields: record };
  }
}

function firstSentence(message: string): string {
  return message.split(/ at line \d+/)[0];
}
