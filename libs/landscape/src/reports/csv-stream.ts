import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { PracticeSnapshot } from '#practices';
import { PRACTICE_CSV_COLUMNS, toPracticeCsvRecord } from './practice-csv.js';

/** Practices as a CSV byte stream (header row first), pulled from `states` as the consumer reads; the API's and replay's. */
export function practicesCsvStream(states: AsyncIterable<PracticeSnapshot>): Readable {
  const stringifier = stringify({
    header: true,
    columns: [...PRACTICE_CSV_COLUMNS],
    cast: { boolean: (value) => (value ? 'true' : 'false') },
    // SPEC §9: a text cell starting = + - @ tab or carriage return gets a leading ' so that a spreadsheet shows it
    // rather than running it as a formula (OWASP CSV injection); negative numbers stay numbers.
    escape_formulas: true,
  });
  const records = Readable.from(
    (async function* () {
      for await (const state of states) yield toPracticeCsvRecord(state);
    })(),
  );
  return pipeline(records, stringifier, () => undefined);
}
