import { addDays } from './calendar.js';
import { areaOf, type PracticeOutline } from './practice-outline.js';
import { TRUST_PROGRAMMES, type TrustProgramme } from './providers.js';
import { SeededRandom } from './seeded-random.js';

export interface SubcontractSpell {
  readonly trustCode: string;
  readonly trustName: string;
  readonly from: string;
  readonly to: string | null;
}

const NATIONAL_PRACTICES = 7500;
/** Royal Wolverhampton's practices are in Wolverhampton (CCG 06A) when that area exists. */
const HOME_AREAS: Readonly<Record<string, string>> = { RL4: '06A' };

/**
 * Which practices each trust runs, and when: each programme takes practices of one area, adding practices as its
 * count grows and handing the most recent back when it shrinks. Practices are chosen among those open through
 * the whole period.
 */
export function planSubcontracts(seed: number, outlines: readonly PracticeOutline[], toDate: string): Map<string, SubcontractSpell[]> {
  const random = new SeededRandom(seed, 'trust-plan');
  const byArea = new Map<string, PracticeOutline[]>();
  for (const outline of outlines) byArea.set(areaOf(outline), [...(byArea.get(areaOf(outline)) ?? []), outline]);
  const areasBySize = [...byArea.keys()].sort((a, b) => byArea.get(b)!.length - byArea.get(a)!.length || a.localeCompare(b));
  const freeAreas = random.shuffle(areasBySize.filter((area) => byArea.get(area)!.length >= 8));
  const plan = new Map<string, SubcontractSpell[]>();
  const scale = outlines.length / NATIONAL_PRACTICES;

  for (const programme of TRUST_PROGRAMMES) {
    const home = HOME_AREAS[programme.trustCode];
    const area = home && byArea.has(home) ? home : programme.fixedScale ? areasBySize[0] : freeAreas.shift();
    if (area === undefined) continue;
    const index = freeAreas.indexOf(area);
    if (index >= 0) freeAreas.splice(index, 1);
    const steps = programme.steps
      .filter((step) => step.date <= toDate)
      .map((step) => ({ date: step.date, practices: programme.fixedScale ? step.practices : Math.round(step.practices * scale) }));
    if (steps.length === 0) continue;
    const candidates = random.shuffle(
      byArea.get(area)!.filter((o) => o.openedOn < addDays(steps[0].date, -365) && (o.endedOn === null || o.endedOn > toDate)),
    );
    assign(programme, steps, candidates.slice(0, Math.floor(byArea.get(area)!.length / 3)), plan);
  }
  return plan;
}

function assign(
  programme: TrustProgramme,
  steps: ReadonlyArray<{ date: string; practices: number }>,
  candidates: readonly PracticeOutline[],
  plan: Map<string, SubcontractSpell[]>,
): void {
  const running: Array<{ odsCode: string; from: string }> = [];
  let next = 0;
  for (const step of steps) {
    const wanted = Math.min(step.practices, candidates.length);
    while (running.length < wanted && next < candidates.length) running.push({ odsCode: candidates[next++].odsCode, from: step.date });
    while (running.length > wanted) {
      const ended = running.pop()!;
      plan.set(ended.odsCode, [...(plan.get(ended.odsCode) ?? []), spell(programme, ended.from, step.date)]);
    }
  }
  for (const still of running) plan.set(still.odsCode, [...(plan.get(still.odsCode) ?? []), spell(programme, still.from, null)]);
}

const spell = (programme: TrustProgramme, from: string, to: string | null): SubcontractSpell => ({
  trustCode: programme.trustCode,
  trustName: programme.trustName,
  from,
  to,
});
