import {
  ENDING_HAZARD,
  ENDING_RISK,
  HOLDER_MIX_AT_START,
  LIST_SIZE,
  MERGER_SHARE,
  PCTS_ABOLISHED,
  PMS_SHARE_AT_START,
  valueOn,
} from './calibration.js';
import { fractionalYear, fromDay, maxDate, toDay } from './calendar.js';
import { ListSizeModel } from './list-size-model.js';
import type { PracticeOutline } from './practice-outline.js';
import { SeededRandom } from './seeded-random.js';
import type { SubcontractSpell } from './trust-plan.js';

export type StartingHolder = 'partnership' | 'individual' | 'company' | 'pct';

export interface PlannedEnding {
  readonly date: string;
  readonly kind: 'close' | 'merge';
}

/** What is drawn about a practice before its life is simulated, so that neighbours can plan around it. */
export interface PracticeProfile {
  readonly outline: PracticeOutline;
  /** The first simulated date: the history start, or the open date if later. */
  readonly start: string;
  /** The end of the simulated life (exclusive): a recorded or planned ending, else the day after the last date. */
  end: string;
  readonly holder: StartingHolder;
  readonly gpContractType: 'GMS' | 'PMS';
  readonly listSize: ListSizeModel;
  /** How far this practice leans towards partners (1 = national share). */
  readonly partnerBias: number;
  ending: PlannedEnding | null;
  readonly subcontracts: readonly SubcontractSpell[];
}

export interface ProfileContext {
  readonly seed: number;
  readonly historyStart: string;
  /** The day after the last generated date. */
  readonly endOfHistory: string;
  /** Imported practices only end (in the generator) after the date their files describe. */
  readonly recordedHorizon: string | null;
}

export function drawProfile(outline: PracticeOutline, subcontracts: readonly SubcontractSpell[], context: ProfileContext): PracticeProfile {
  const random = new SeededRandom(context.seed, 'profile', outline.odsCode);
  const start = maxDate(outline.openedOn, context.historyStart);
  const openedLater = outline.openedOn > context.historyStart;
  let holder: StartingHolder = random.weighted(HOLDER_MIX_AT_START);
  if (openedLater && random.chance(0.6)) holder = 'company';
  if (holder === 'pct' && start >= PCTS_ABOLISHED) holder = 'company';
  if (subcontracts.length > 0) holder = 'partnership';

  const logNormal = Math.exp(random.normal(0, LIST_SIZE.sigma));
  let base = LIST_SIZE.median * logNormal * (holder === 'individual' ? LIST_SIZE.singleHandedScale : 1);
  if (openedLater) base *= random.between(0.25, 0.5);
  base = Math.min(LIST_SIZE.max, Math.max(LIST_SIZE.min, base));
  const growth = random.normal(LIST_SIZE.growthPerYear, LIST_SIZE.growthDeviation) + (openedLater ? 0.03 : 0);

  const profile: PracticeProfile = {
    outline,
    start,
    end: outline.endedOn ?? context.endOfHistory,
    holder,
    gpContractType: random.chance(PMS_SHARE_AT_START) ? 'PMS' : 'GMS',
    listSize: new ListSizeModel(start, Math.round(base), growth),
    partnerBias: Math.min(1.4, Math.max(0.6, random.normal(1, 0.15))),
    ending: null,
    subcontracts,
  };
  if (outline.endedOn === null) {
    profile.ending = drawEnding(random, profile, context);
    if (profile.ending) profile.end = profile.ending.date;
  }
  return profile;
}

/** Year by year, the chance of closing or merging (higher for single-handers, companies and small lists). */
function drawEnding(random: SeededRandom, profile: PracticeProfile, context: ProfileContext): PlannedEnding | null {
  const protectedUntil = profile.subcontracts.reduce<string>((latest, s) => maxDate(latest, s.to ?? context.endOfHistory), profile.start);
  let from = maxDate(profile.start, protectedUntil);
  if (profile.outline.recorded && context.recordedHorizon) from = maxDate(from, context.recordedHorizon);
  let day = toDay(from) + 1;
  const last = toDay(context.endOfHistory);
  while (day < last) {
    const date = fromDay(day);
    const risk =
      (profile.holder === 'individual' ? ENDING_RISK.individual : 1) *
      (profile.holder === 'company' ? ENDING_RISK.company : 1) *
      (profile.listSize.expectedOn(date) < ENDING_RISK.smallListBelow ? ENDING_RISK.smallList : 1);
    const span = Math.min(365, last - day);
    if (random.chance(valueOn(ENDING_HAZARD, fractionalYear(date)) * risk * (span / 365))) {
      return { date: fromDay(day + random.int(0, span - 1)), kind: random.chance(MERGER_SHARE) ? 'merge' : 'close' };
    }
    day += span;
  }
  return null;
}
