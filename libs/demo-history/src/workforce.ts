import type { PartnerExitReason, SalariedEmployer } from '#practices';
import {
  PARTNER_CAREER_YEARS,
  PARTNER_CONVERSION_PER_YEAR,
  PARTNER_EXIT_REASONS,
  PARTNER_SHARE,
  PARTNER_SHARE_IN_GP_HELD,
  PATIENTS_PER_GP,
  SALARIED_TENURE_MEAN_YEARS,
  valueOn,
} from './calibration.js';
import { addDays, fractionalYear } from './calendar.js';
import { isGpHeld, newGp, record, type Gp, type LifeState } from './life-state.js';

const YEAR = 365;

/** A partner joins (a new GP unless one is given) and stays for a career drawn for them. */
export function addPartner(state: LifeState, date: string, gp: Gp = newGp(state), careerYears?: number): boolean {
  if (!record(state, { type: 'AddPartner', odsCode: state.odsCode, gmcNumber: gp.gmcNumber, name: gp.name, effectiveDate: date })) return false;
  state.partners.set(gp.gmcNumber, gp);
  const years = careerYears ?? state.random.between(PARTNER_CAREER_YEARS.min, PARTNER_CAREER_YEARS.max);
  state.agenda.add(addDays(date, Math.max(30, Math.round(years * YEAR))), { kind: 'partner-exit', gmcNumber: gp.gmcNumber });
  return true;
}

export function addSalaried(state: LifeState, date: string): boolean {
  const gp = newGp(state);
  if (!record(state, { type: 'AddSalariedGp', odsCode: state.odsCode, gmcNumber: gp.gmcNumber, name: gp.name, effectiveDate: date })) return false;
  state.salaried.set(gp.gmcNumber, gp);
  const tenure = Math.max(60, Math.round(state.random.exponential(SALARIED_TENURE_MEAN_YEARS) * YEAR));
  state.agenda.add(addDays(date, tenure), { kind: 'salaried-leave', gmcNumber: gp.gmcNumber });
  return true;
}

export function salariedLeaves(state: LifeState, date: string, gmcNumber: string): boolean {
  if (!state.salaried.has(gmcNumber)) return false;
  if (!record(state, { type: 'RecordSalariedGpLeaving', odsCode: state.odsCode, gmcNumber, effectiveDate: date })) return false;
  state.salaried.delete(gmcNumber);
  return true;
}

/** A salaried GP becomes a partner: they leave the salaried post and join the partnership the same day. */
export function promoteSalaried(state: LifeState, date: string): boolean {
  const [gp] = state.salaried.values();
  if (!gp || !salariedLeaves(state, date, gp.gmcNumber)) return false;
  return addPartner(state, date, gp);
}

export function partnerExits(state: LifeState, date: string, gmcNumber: string, reason?: PartnerExitReason): boolean {
  if (!state.partners.has(gmcNumber)) return false;
  const why = reason ?? state.random.weighted(PARTNER_EXIT_REASONS);
  if (!record(state, { type: 'RecordPartnerExit', odsCode: state.odsCode, gmcNumber, reason: why, effectiveDate: date })) return false;
  state.partners.delete(gmcNumber);
  return true;
}

export function convertPartner(state: LifeState, date: string, gmcNumber: string, employer: SalariedEmployer): boolean {
  const gp = state.partners.get(gmcNumber);
  if (!gp) return false;
  if (!record(state, { type: 'ConvertPartnerToSalaried', odsCode: state.odsCode, gmcNumber, employer, effectiveDate: date })) return false;
  state.partners.delete(gmcNumber);
  state.salaried.set(gmcNumber, gp);
  if (employer === 'practice') {
    const tenure = Math.max(60, Math.round(state.random.exponential(SALARIED_TENURE_MEAN_YEARS) * YEAR));
    state.agenda.add(addDays(date, tenure), { kind: 'salaried-leave', gmcNumber });
  }
  return true;
}

/** How many GPs the practice's list calls for on a date, with a little local variation. */
export function gpsWanted(state: LifeState, date: string): number {
  const patients = state.profile.listSize.expectedOn(date);
  return Math.max(1, Math.round((patients / valueOn(PATIENTS_PER_GP, fractionalYear(date))) * state.random.between(0.9, 1.1)));
}

export function partnersWanted(state: LifeState, date: string, gps: number): number {
  if (state.contract?.holder.kind === 'individual') return 1;
  const share = valueOn(PARTNER_SHARE, fractionalYear(date)) * PARTNER_SHARE_IN_GP_HELD * state.profile.partnerBias;
  // A partnership keeps at least two partners while the list can support two GPs.
  return Math.max(gps >= 2 ? 2 : 1, Math.min(gps, Math.round(gps * share)));
}

/**
 * The yearly look at the workforce: partners drift towards the (falling) partner share by conversions, exits and
 * joins; salaried posts fill the rest. Each change is scheduled over the following months.
 */
export function reviewWorkforce(state: LifeState, date: string): void {
  const later = () => addDays(date, state.random.int(1, 120));
  const gps = gpsWanted(state, date);
  let partners = state.partners.size;
  if (isGpHeld(state)) {
    const wanted = partnersWanted(state, date, gps);
    const conversion = valueOn(PARTNER_CONVERSION_PER_YEAR, fractionalYear(date));
    const individual = state.contract?.holder.kind === 'individual';
    for (const gp of state.partners.values()) {
      if (individual || partners <= 2) break;
      const surplus = partners > wanted;
      if (state.random.chance(surplus ? 0.45 : conversion)) {
        state.agenda.add(
          later(),
          surplus && state.random.chance(0.45) ? { kind: 'partner-exit', gmcNumber: gp.gmcNumber } : { kind: 'convert', gmcNumber: gp.gmcNumber },
        );
        partners--;
      }
    }
    for (let missing = wanted - partners; missing > 0; missing--) state.agenda.add(later(), { kind: 'add-partner' });
    partners = Math.max(partners, wanted);
  }
  const salariedWanted = Math.max(0, gps - partners);
  const salaried = state.salaried.size;
  for (let missing = salariedWanted - salaried; missing > 0; missing--) state.agenda.add(later(), { kind: 'add-salaried' });
  if (salaried > salariedWanted + 1) {
    const [leaver] = state.salaried.keys();
    state.agenda.add(later(), { kind: 'salaried-leave', gmcNumber: leaver });
  }
}

/** A new partner: half the time a salaried GP of the practice steps up. */
export function fillPartnerPost(state: LifeState, date: string): boolean {
  if (state.salaried.size > 0 && state.random.chance(0.5)) return promoteSalaried(state, date);
  return addPartner(state, date);
}
