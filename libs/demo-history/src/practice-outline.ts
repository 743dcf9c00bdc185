/**
 * What the generator needs to know about a practice before simulating it: who it is, when it opened, whether its
 * recorded life already ended (e.g. closed in an imported file), and its commissioners over time.
 */
export interface CommissionerSpell {
  readonly from: string;
  readonly code: string | null;
}

export interface PracticeOutline {
  readonly odsCode: string;
  readonly name: string;
  readonly openedOn: string;
  /** Effective date of a recorded closure or merger. */
  readonly endedOn: string | null;
  /** Commissioner changes, in date order; the first is the commissioner at opening. */
  readonly commissioners: readonly CommissionerSpell[];
  /** True when the practice's stream already exists (imported); false when the generator opens it. */
  readonly recorded: boolean;
}

export function commissionerOn(outline: PracticeOutline, date: string): string | null {
  let code: string | null = null;
  for (const spell of outline.commissioners) {
    if (spell.from > date) break;
    code = spell.code;
  }
  return code;
}

/** The area a practice is simulated in (mergers, PCNs and neighbours stay within it): its commissioner in mid-2019. */
export function areaOf(outline: PracticeOutline): string {
  return commissionerOn(outline, '2019-07-01') ?? [...outline.commissioners].reverse().find((s) => s.code)?.code ?? 'NONE';
}
