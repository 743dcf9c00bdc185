import { PCN, PCNS_START } from './calibration.js';
import { addDays, fromDay, toDay } from './calendar.js';
import { record, type LifeState } from './life-state.js';
import { pcnName } from './names.js';
import { areaOf } from './practice-outline.js';
import { SeededRandom } from './seeded-random.js';

/** Hands out PCN codes (U + 5 digits) across the whole generation, so codes never repeat. */
export class PcnCodes {
  constructor(private next = 10_001) {}

  take(): string {
    return `U${String(this.next++).padStart(5, '0')}`;
  }
}

interface Pcn {
  readonly pcnCode: string;
  readonly pcnName: string;
}

/**
 * From 1 July 2019 the practices of each area group into PCNs of 30–50k patients (neighbouring codes together), and
 * almost all join; now and then a practice later moves to another PCN of its area.
 */
export function allocatePcns(lives: readonly LifeState[], seed: number, endOfHistory: string, codes: PcnCodes): void {
  if (PCNS_START >= endOfHistory) return;
  const byArea = new Map<string, LifeState[]>();
  for (const life of lives) {
    const end = life.profile.end < endOfHistory ? life.profile.end : endOfHistory;
    if (life.profile.start > PCNS_START || end <= PCNS_START) continue;
    byArea.set(areaOf(life.profile.outline), [...(byArea.get(areaOf(life.profile.outline)) ?? []), life]);
  }
  for (const area of [...byArea.keys()].sort()) {
    const random = new SeededRandom(seed, 'pcn', area);
    const members = byArea.get(area)!.sort((a, b) => a.odsCode.localeCompare(b.odsCode));
    const pcns: Array<{ pcn: Pcn; lives: LifeState[] }> = [];
    let current: LifeState[] = [];
    let patients = 0;
    let target = random.int(PCN.targetMin, PCN.targetMax);
    const close = () => {
      pcns.push({ pcn: { pcnCode: codes.take(), pcnName: pcnName(area, pcns.length) }, lives: current });
      current = [];
      patients = 0;
      target = random.int(PCN.targetMin, PCN.targetMax);
    };
    for (const life of members) {
      current.push(life);
      patients += life.profile.listSize.expectedOn(PCNS_START);
      if (patients >= target) close();
    }
    if (current.length > 0) {
      if (pcns.length > 0 && patients < PCN.targetMin / 2) pcns[pcns.length - 1].lives.push(...current);
      else close();
    }
    for (const { pcn, lives: pcnLives } of pcns) {
      for (const life of pcnLives) {
        if (!random.chance(PCN.joinShare)) continue;
        if (!record(life, { type: 'JoinPcn', odsCode: life.odsCode, ...pcn, effectiveDate: PCNS_START })) continue;
        maybeMove(
          life,
          random,
          pcn,
          pcns.map((p) => p.pcn),
          endOfHistory,
        );
      }
    }
  }
}

function maybeMove(life: LifeState, random: SeededRandom, from: Pcn, all: readonly Pcn[], endOfHistory: string): void {
  const end = life.profile.end < endOfHistory ? life.profile.end : endOfHistory;
  const firstDay = toDay(addDays(PCNS_START, 270));
  const years = (toDay(end) - firstDay) / 365;
  const others = all.filter((p) => p.pcnCode !== from.pcnCode);
  if (years <= 0 || others.length === 0 || !random.chance(PCN.movePerYear * years)) return;
  const date = fromDay(random.int(firstDay, toDay(end) - 1));
  const to = random.pick(others);
  if (record(life, { type: 'LeavePcn', odsCode: life.odsCode, effectiveDate: date })) {
    record(life, { type: 'JoinPcn', odsCode: life.odsCode, ...to, effectiveDate: date });
  }
}
