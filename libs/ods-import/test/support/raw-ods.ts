import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** The test's own reading of the fixture files, independent of the importer, to compute what it should do. */
export interface RawPractice {
  readonly code: string;
  readonly name: string;
  readonly line: number;
  readonly opened: string;
  readonly closed: string | null;
  readonly setting: string;
}

export interface RawSpell {
  readonly code: string;
  readonly parent: string;
  readonly from: string;
  readonly to: string | null;
}

const iso = (ods: string) => `${ods.slice(0, 4)}-${ods.slice(4, 6)}-${ods.slice(6, 8)}`;

export function rawPractices(path: string): RawPractice[] {
  const rows: string[][] = parse(readFileSync(path, 'latin1'), { relax_column_count: true });
  return rows.map((r, index) => ({ code: r[0], name: r[1], line: index + 1, opened: iso(r[10]), closed: r[11] ? iso(r[11]) : null, setting: r[25] }));
}

export function rawSpells(path: string): RawSpell[] {
  const rows: string[][] = parse(readFileSync(path, 'latin1'));
  return rows.map((r) => ({ code: r[0], parent: r[1], from: iso(r[3]), to: r[4] ? iso(r[4]) : null }));
}

export const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Commissioner changes after opening: spells starting after the open date, and gaps not closed by the practice's closure. */
export function expectedCommissionerChanges(practice: RawPractice, spells: readonly RawSpell[]): number {
  const own = spells.filter((s) => s.code === practice.code).sort((a, b) => a.from.localeCompare(b.from));
  let changes = own.filter((s) => s.from > practice.opened).length;
  own.forEach((spell, index) => {
    if (spell.to === null) return;
    const next = own[index + 1];
    const closedBy = practice.closed !== null && spell.to >= practice.closed;
    if (!closedBy && next?.from !== dayAfter(spell.to)) changes++;
  });
  return changes;
}
