import { assertNever } from '#practices';
import { CCG_MERGER_WAVES, CORRECTIONS, FEDERATION, LIST_SIZE, MONTHLY_LIST_SIZES_FROM } from './calibration.js';
import { addDays, firstOfMonthAfter, firstOfMonthOnOrAfter, fromDay, maxDate, minDate, toDay } from './calendar.js';
import {
  apmsRenewal,
  endSubcontract,
  joinSuperPartnership,
  lastPartnerGone,
  pctEnds,
  pmsReview,
  resolveWithoutPartners,
  startContract,
  startSubcontract,
} from './contract-moves.js';
import { Agenda } from './agenda.js';
import { isGpHeld, record, type LifeState, type Task } from './life-state.js';
import type { NationalPlan } from './national-plan.js';
import { areaOf, commissionerOn } from './practice-outline.js';
import type { PracticeHistory } from './practice-history.js';
import type { PracticeProfile } from './practice-profile.js';
import { SeededRandom } from './seeded-random.js';
import { addSalaried, convertPartner, fillPartnerPost, partnerExits, reviewWorkforce, salariedLeaves } from './workforce.js';

/** Simulates one practice from its first generated day to the end of its life, recording through the decider. */
export function simulatePracticeLife(profile: PracticeProfile, history: PracticeHistory, plan: NationalPlan): LifeState {
  const { outline } = profile;
  const state: LifeState = {
    odsCode: outline.odsCode,
    profile,
    history,
    plan,
    random: new SeededRandom(plan.settings.seed, 'life', outline.odsCode),
    agenda: new Agenda<Task>(),
    contract: null,
    subcontract: null,
    partners: new Map(),
    salaried: new Map(),
    usedGmcNumbers: new Set(),
    gpHeldFrom: null,
    typo: null,
    mistakenFederation: null,
  };
  if (!outline.recorded) {
    const opening = outline.commissioners[0]?.code ?? null;
    record(state, {
      type: 'OpenPractice',
      odsCode: outline.odsCode,
      name: outline.name,
      openedOn: outline.openedOn,
      commissionerCode: opening,
      contract: null,
    });
    for (const spell of outline.commissioners.slice(1)) state.agenda.add(spell.from, { kind: 'commissioner', code: spell.code });
  }
  schedule(state);
  const end = minDate(profile.end, plan.settings.endOfHistory);
  for (let next = state.agenda.next(end); next; next = state.agenda.next(end)) perform(state, next.date, next.item);
  return state;
}

function schedule(state: LifeState): void {
  const { profile, plan, random, agenda } = state;
  const { start, outline } = profile;
  const { toDate } = plan.settings;
  agenda.add(start, { kind: 'start' });
  for (let year = +start.slice(0, 4); year <= +toDate.slice(0, 4); year++) {
    agenda.add(maxDate(addDays(start, 1), fromDay(toDay(`${year}-01-01`) + random.int(0, 364))), { kind: 'review' });
  }
  const listDates = listSizeDates(start, minDate(profile.end, plan.settings.endOfHistory));
  const typoAt = random.chance(CORRECTIONS.listSizeTypo) && listDates.length > 4 ? random.int(1, listDates.length - 2) : -1;
  listDates.forEach((date, index) => agenda.add(date, { kind: 'list-size', typo: index === typoAt }));

  const before = addDays(CCG_MERGER_WAVES[0].date, -1);
  for (const step of plan.mergers.get(commissionerOn(outline, before) ?? '') ?? []) {
    if (!outline.commissioners.some((s) => s.from >= step.date)) agenda.add(step.date, { kind: 'commissioner', code: step.code });
  }
  for (const spell of profile.subcontracts) agenda.add(spell.from, { kind: 'subcontract-start', spell });

  const area = plan.areas.get(areaOf(outline));
  for (const federation of area?.federations ?? []) {
    if (!random.chance(FEDERATION.joinShare)) continue;
    const joinOn = maxDate(addDays(start, 1), addDays(federation.formedOn, random.int(0, FEDERATION.joinDelayMonths * 30)));
    const staysDays = Math.round(random.exponential(1 / FEDERATION.leavePerYear) * 365);
    agenda.add(joinOn, { kind: 'federation-join', federation, mistaken: false, staysDays });
  }
  if (area?.superPartnership)
    agenda.add(addDays(area.superPartnership.formedOn, random.int(0, 365)), { kind: 'super-partnership', plan: area.superPartnership });

  const elsewhere = plan.allFederations.filter((f) => !area?.federations.includes(f));
  if (elsewhere.length > 0 && random.chance(CORRECTIONS.mistakenFederation)) {
    const from = toDay(maxDate(start, '2014-01-01'));
    const to = toDay(minDate(profile.end, plan.settings.endOfHistory)) - 1;
    const federation = random.pick(elsewhere);
    if (to > from)
      agenda.add(maxDate(fromDay(random.int(from, to)), federation.formedOn), {
        kind: 'federation-join',
        federation,
        mistaken: true,
        staysDays: null,
      });
  }
}

/** Quarterly observations, monthly from April 2017, while the practice is open. */
function listSizeDates(start: string, end: string): string[] {
  const dates: string[] = [];
  let date = firstOfMonthOnOrAfter(start);
  while ((+date.slice(5, 7) - 1) % 3 !== 0 && date < MONTHLY_LIST_SIZES_FROM) date = firstOfMonthAfter(date, 1);
  for (; date < end; date = firstOfMonthAfter(date, date < MONTHLY_LIST_SIZES_FROM ? 3 : 1)) dates.push(date);
  return dates;
}

function perform(state: LifeState, date: string, task: Task): void {
  const { odsCode } = state;
  // Before its first generated day a practice only changes commissioner (PCTs formed and merged before 2004).
  if (date < state.profile.start && task.kind !== 'commissioner') return;
  switch (task.kind) {
    case 'start':
      return startContract(state, date);
    case 'list-size':
      return recordListSize(state, date, task.typo);
    case 'commissioner':
      record(state, { type: 'ChangeCommissioner', odsCode, commissionerCode: task.code, effectiveDate: date });
      return;
    case 'review':
      return reviewWorkforce(state, date);
    case 'partner-exit':
      if (partnerExits(state, date, task.gmcNumber)) lastPartnerGone(state, date);
      return;
    case 'salaried-leave':
      salariedLeaves(state, date, task.gmcNumber);
      return;
    case 'convert':
      if (isGpHeld(state) && state.partners.size > 1) convertPartner(state, date, task.gmcNumber, 'practice');
      return;
    case 'add-partner':
      if (isGpHeld(state) && state.contract?.holder.kind === 'partnership') fillPartnerPost(state, date);
      return;
    case 'add-salaried':
      addSalaried(state, date);
      return;
    case 'without-partners':
      return resolveWithoutPartners(state, date);
    case 'pms-review':
      return pmsReview(state, date);
    case 'pct-ends':
      return pctEnds(state, date);
    case 'apms-renewal':
      return apmsRenewal(state, date);
    case 'subcontract-start':
      return startSubcontract(state, date, task.spell);
    case 'subcontract-end':
      return endSubcontract(state, date);
    case 'super-partnership':
      return joinSuperPartnership(state, date, task.plan);
    case 'federation-join':
      return joinFederation(state, date, task);
    case 'federation-leave':
      record(state, { type: 'LeaveFederation', odsCode, federationId: task.federationId, effectiveDate: date });
      return;
    default:
      return assertNever(task);
  }
}

function recordListSize(state: LifeState, date: string, typo: boolean): void {
  const expected = state.profile.listSize.expectedOn(date);
  const observed = Math.max(0, Math.round(expected * (1 + state.random.normal(0, LIST_SIZE.observationNoise))));
  const keyed = typo ? Math.min(1_000_000, observed * 10) : observed;
  const ids = state.history.record({ type: 'RecordListSize', odsCode: state.odsCode, registeredPatients: keyed, effectiveDate: date });
  if (typo && ids) state.typo = { eventId: ids[0], date, correct: observed };
}

function joinFederation(state: LifeState, date: string, task: Extract<Task, { kind: 'federation-join' }>): void {
  const { federationId, federationName } = task.federation;
  const ids = state.history.record({ type: 'JoinFederation', odsCode: state.odsCode, federationId, federationName, effectiveDate: date });
  if (!ids) return;
  if (task.mistaken) state.mistakenFederation = ids[0];
  if (task.staysDays !== null) state.agenda.add(addDays(date, Math.max(30, task.staysDays)), { kind: 'federation-leave', federationId });
}
