import { LATER_OPENING_SHARE, LATER_OPENING_YEARS, PCTS_ABOLISHED, PCTS_ESTABLISHED } from './calibration.js';
import { addDays, fromDay, toDay } from './calendar.js';
import { practiceName } from './names.js';
import type { CommissionerSpell, PracticeOutline } from './practice-outline.js';
import { SeededRandom } from './seeded-random.js';

const REGION_LETTERS = 'ABCDEFGHJKLMNPY';
/** PCTs were reconfigured on 1 October 2006 (303 → 152): neighbouring PCTs merged. */
const PCT_RECONFIGURATION = '2006-10-01';

/**
 * Practices for a register with nothing imported: commissioner areas of 20–70 practices, each with a PCT (paired with
 * a neighbour's in 2006) and, from April 2013, a CCG; most practices date from the 1974 reorganisation or earlier.
 */
export function generatePracticeOutlines(seed: number, count: number, historyStart: string): PracticeOutline[] {
  const random = new SeededRandom(seed, 'generated-practices');
  const outlines: PracticeOutline[] = [];
  for (let area = 0; outlines.length < count; area++) {
    const size = Math.min(random.int(20, 70), count - outlines.length);
    const letter = REGION_LETTERS[area % REGION_LETTERS.length];
    const block = 10 + Math.floor(area / REGION_LETTERS.length);
    const commissioners = areaCommissioners(area);
    for (let index = 1; index <= size; index++) {
      const odsCode = `${letter}${block}${String(index).padStart(3, '0')}`;
      const practice = new SeededRandom(seed, 'generated-practice', odsCode);
      const openedOn = openingDate(practice, historyStart);
      outlines.push({
        odsCode,
        name: practiceName(practice),
        openedOn,
        endedOn: null,
        commissioners: fromOpening(commissioners, openedOn),
        recorded: false,
      });
    }
  }
  return outlines;
}

function areaCommissioners(area: number): CommissionerSpell[] {
  // Codes like the real ones (5E1, 00K): a digit, then two of 0-9A-Z, skipping the all-digit "000"-style start.
  const code = (prefix: string, n: number) => `${prefix}${alnum(Math.floor((n + 10) / 36))}${alnum((n + 10) % 36)}`;
  return [
    { from: PCTS_ESTABLISHED, code: code('5', area) },
    { from: PCT_RECONFIGURATION, code: code('6', Math.floor(area / 2)) },
    { from: PCTS_ABOLISHED, code: code('0', area) },
  ];
}

const alnum = (n: number) => '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[n % 36];

/** The commissioner at opening first (none before PCTs existed), then the changes after it. */
function fromOpening(spells: readonly CommissionerSpell[], openedOn: string): CommissionerSpell[] {
  const atOpening = [...spells].reverse().find((s) => s.from <= openedOn)?.code ?? null;
  return [{ from: openedOn, code: atOpening }, ...spells.filter((s) => s.from > openedOn)];
}

function openingDate(random: SeededRandom, historyStart: string): string {
  if (random.chance(LATER_OPENING_SHARE)) {
    const year = random.weighted(LATER_OPENING_YEARS.map(([y, w]) => [y, w] as const));
    const opened = `${year}-${String(random.int(1, 12)).padStart(2, '0')}-01`;
    return opened > historyStart ? opened : addDays(historyStart, 1);
  }
  if (random.chance(0.6)) return '1974-04-01';
  return fromDay(random.int(toDay('1948-07-05'), toDay('2003-12-31')));
}
