import { FEDERATION, FEDERATIONS_FROM, FEDERATIONS_PER_AREA, SUPER_PARTNERSHIP, SUPER_PARTNERSHIPS_PER_PRACTICE } from './calibration.js';
import { fromDay, toDay } from './calendar.js';
import { areaOf, type PracticeOutline } from './practice-outline.js';
import { slug, SUPER_PARTNERSHIP_NAMES } from './providers.js';
import { SeededRandom } from './seeded-random.js';

export interface FederationPlan {
  readonly federationId: string;
  readonly federationName: string;
  readonly formedOn: string;
}

export interface SuperPartnershipPlan {
  readonly id: string;
  readonly name: string;
  readonly formedOn: string;
}

export interface AreaPlan {
  readonly federations: readonly FederationPlan[];
  readonly superPartnership: SuperPartnershipPlan | null;
}

/** Federations per commissioner area, and the few areas where a super-partnership forms. */
export function planAreas(seed: number, outlines: readonly PracticeOutline[], toDate: string, busyAreas: ReadonlySet<string>): Map<string, AreaPlan> {
  const counts = new Map<string, number>();
  for (const outline of outlines) counts.set(areaOf(outline), (counts.get(areaOf(outline)) ?? 0) + 1);
  const areas = [...counts.keys()].sort();
  const plans = new Map<string, AreaPlan>();
  for (const area of areas) {
    const random = new SeededRandom(seed, 'area', area);
    const howMany = random.weighted(FEDERATIONS_PER_AREA.map(([n, w]) => [n, w] as const));
    const federations: FederationPlan[] = [];
    for (let i = 0; i < howMany; i++) {
      const formedOn = fromDay(random.int(toDay(FEDERATIONS_FROM), toDay(FEDERATION.formedBy)));
      if (formedOn > toDate) continue;
      const base = area === '06A' ? 'Wolverhampton' : area;
      const suffix = i === 0 ? '' : ` ${i + 1}`;
      federations.push({ federationId: slug(`${base} GP Federation${suffix}`), federationName: `${base} GP Federation${suffix}`, formedOn });
    }
    plans.set(area, { federations, superPartnership: null });
  }

  const random = new SeededRandom(seed, 'super-partnerships');
  const wanted = Math.min(SUPER_PARTNERSHIP_NAMES.length, Math.round(outlines.length * SUPER_PARTNERSHIPS_PER_PRACTICE));
  const eligible = random.shuffle(areas.filter((area) => (counts.get(area) ?? 0) >= 15 && !busyAreas.has(area)));
  eligible.slice(0, wanted).forEach((area, index) => {
    const year = random.between(SUPER_PARTNERSHIP.from, SUPER_PARTNERSHIP.to);
    const formedOn = fromDay(toDay(`${Math.floor(year)}-01-01`) + Math.floor((year % 1) * 365));
    if (formedOn > toDate) return;
    const name = SUPER_PARTNERSHIP_NAMES[index];
    plans.set(area, { ...plans.get(area)!, superPartnership: { id: slug(name), name, formedOn } });
  });
  return plans;
}
