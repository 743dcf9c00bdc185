import { CCG_MERGER_WAVES } from './calibration.js';
import { addDays } from './calendar.js';
import { commissionerOn, type PracticeOutline } from './practice-outline.js';
import { SeededRandom } from './seeded-random.js';

/** For each CCG code, the codes it becomes in the merger waves (date order). */
export type CommissionerMergers = ReadonlyMap<string, ReadonlyArray<{ readonly date: string; readonly code: string }>>;

/**
 * CCGs merged in April 2020 and April 2021. Neighbouring codes (sorted codes roughly follow geography) are fused
 * until the wave's share of CCGs remains; each merged group gets a new code not used anywhere else.
 */
export function planCommissionerMergers(seed: number, outlines: readonly PracticeOutline[], toDate: string): CommissionerMergers {
  const random = new SeededRandom(seed, 'commissioner-mergers');
  const used = new Set(outlines.flatMap((o) => o.commissioners.map((s) => s.code).filter((c): c is string => c !== null)));
  const chains = new Map<string, Array<{ date: string; code: string }>>();
  // current code → the original codes now under it
  let current = new Map<string, string[]>();
  const dayBeforeFirst = addDays(CCG_MERGER_WAVES[0].date, -1);
  for (const outline of outlines) {
    if (outline.endedOn !== null && outline.endedOn <= dayBeforeFirst) continue;
    const code = commissionerOn(outline, dayBeforeFirst);
    if (code !== null && !current.has(code)) current.set(code, [code]);
  }
  for (const wave of CCG_MERGER_WAVES) {
    if (wave.date > toDate) break;
    const codes = [...current.keys()].sort();
    const fusions = codes.length - Math.round(codes.length * wave.remainingShare);
    const boundaries = new Set(random.shuffle(codes.slice(1).map((_, i) => i)).slice(0, Math.max(0, fusions)));
    const next = new Map<string, string[]>();
    let group: string[] = [];
    const closeGroup = () => {
      if (group.length === 0) return;
      const members = group.flatMap((code) => current.get(code) ?? []);
      const code = group.length === 1 ? group[0] : newCode(random, used);
      if (group.length > 1) for (const original of members) chains.set(original, [...(chains.get(original) ?? []), { date: wave.date, code }]);
      next.set(code, members);
      group = [];
    };
    codes.forEach((code, index) => {
      group.push(code);
      if (!boundaries.has(index)) closeGroup();
    });
    closeGroup();
    current = next;
  }
  return chains;
}

function newCode(random: SeededRandom, used: Set<string>): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  for (;;) {
    const code = `${random.int(1, 9)}${alphabet[random.int(0, 9)]}${alphabet[random.int(10, alphabet.length - 1)]}`;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}
