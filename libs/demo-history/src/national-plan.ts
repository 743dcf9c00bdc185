import { planAreas, type AreaPlan, type FederationPlan } from './area-plan.js';
import { planCommissionerMergers, type CommissionerMergers } from './commissioner-mergers.js';
import type { PracticeOutline } from './practice-outline.js';
import { planSubcontracts, type SubcontractSpell } from './trust-plan.js';
import { areaOf } from './practice-outline.js';

export interface GenerationSettings {
  readonly seed: number;
  /** First generated date (1 April of the first year). */
  readonly historyStart: string;
  /** Last generated date (inclusive). */
  readonly toDate: string;
  /** The day after toDate: simulated lives end before it. */
  readonly endOfHistory: string;
  /** For imported practices: the latest date their files speak for (nothing ends before it in the generator). */
  readonly recordedHorizon: string | null;
  readonly recordedBy: string;
}

/** Everything decided across practices before any practice is simulated. */
export interface NationalPlan {
  readonly settings: GenerationSettings;
  readonly mergers: CommissionerMergers;
  readonly subcontracts: ReadonlyMap<string, readonly SubcontractSpell[]>;
  readonly areas: ReadonlyMap<string, AreaPlan>;
  /** Every planned federation, for the occasional practice recorded in the wrong one by mistake. */
  readonly allFederations: readonly FederationPlan[];
}

export function planNation(settings: GenerationSettings, outlines: readonly PracticeOutline[]): NationalPlan {
  const subcontracts = planSubcontracts(settings.seed, outlines, settings.toDate);
  const busyAreas = new Set(outlines.filter((o) => subcontracts.has(o.odsCode)).map(areaOf));
  const areas = planAreas(settings.seed, outlines, settings.toDate, busyAreas);
  return {
    settings,
    mergers: planCommissionerMergers(settings.seed, outlines, settings.toDate),
    subcontracts,
    areas,
    allFederations: [...areas.values()].flatMap((plan) => plan.federations),
  };
}
