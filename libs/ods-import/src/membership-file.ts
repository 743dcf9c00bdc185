import type { SourcedSpell } from './commissioner-spells.js';
import { parseMembershipRow } from './epcmem.row.js';
import { readOdsCsv } from './ods-csv.reader.js';
import type { SkippedRow } from './row-rejection.js';

export interface MembershipFileRead {
  readonly rows: number;
  readonly spellsByPractice: Map<string, SourcedSpell[]>;
}

/**
 * Reads every spell of epcmem.csv into memory, by organisation (the national file is ~48k rows, a few MB): the
 * practices file is then streamed against it.
 */
export async function readMembershipFile(
  path: string,
  fileLabel: string,
  skip: (row: SkippedRow) => void,
  onLine: (line: number) => void,
): Promise<MembershipFileRead> {
  const spellsByPractice = new Map<string, SourcedSpell[]>();
  let rows = 0;
  const malformed = ({ line, reason }: { line: number; reason: string }) => {
    rows++;
    skip({ file: fileLabel, line, code: 'UNREADABLE_CSV', reason });
  };
  for await (const { line, fields } of readOdsCsv(path, malformed)) {
    rows++;
    onLine(line);
    const parsed = parseMembershipRow(fields, line);
    if (!parsed.ok) {
      skip({ file: fileLabel, line, code: parsed.code, reason: parsed.reason });
      continue;
    }
    const { odsCode, commissionerCode, from, to } = parsed.value;
    const spells = spellsByPractice.get(odsCode) ?? [];
    spells.push({ commissionerCode, from, to, source: { file: fileLabel, line } });
    spellsByPractice.set(odsCode, spells);
  }
  return { rows, spellsByPractice };
}
