import type { Contract } from '#practices';
import { APMS_NEW_PROVIDER_AT_RENEWAL, CARETAKER_SHARE, COMPANY_APMS_SHARE_AT_START, PARTNER_CAREER_YEARS, PMS_REVIEW } from './calibration.js';
import { addDays, fromDay, toDay } from './calendar.js';
import { changeContract, companyHolder, individualHolder, isGpHeld, newGp, partnershipHolder, record, type LifeState } from './life-state.js';
import type { SuperPartnershipPlan } from './area-plan.js';
import { SUPER_PARTNERSHIP } from './calibration.js';
import type { SubcontractSpell } from './trust-plan.js';
import { addPartner, addSalaried, convertPartner, fillPartnerPost, gpsWanted, partnersWanted, promoteSalaried } from './workforce.js';

/** The contract and GPs on the first simulated day (the 2004 contract, or the day a later practice opened). */
export function startContract(state: LifeState, date: string): void {
  const { profile, random } = state;
  const gps = gpsWanted(state, date);
  let holderKind = profile.holder;
  const pctCode = state.profile.outline.commissioners.findLast((s) => s.from <= date)?.code ?? null;
  if (holderKind === 'pct' && pctCode === null) holderKind = 'company';

  if (holderKind === 'company' || holderKind === 'pct') {
    const contract: Contract =
      holderKind === 'pct'
        ? { type: 'PCTMS', holder: { kind: 'nhs-trust', id: `pct-${pctCode!.toLowerCase()}`, name: `Primary Care Trust ${pctCode}` } }
        : { type: random.chance(COMPANY_APMS_SHARE_AT_START) ? 'APMS' : profile.gpContractType, holder: companyHolder(state) };
    changeContract(state, date, contract);
    for (let i = 0; i < gps; i++) addSalaried(state, date);
    if (holderKind === 'pct') state.agenda.add('2013-04-01', { kind: 'pct-ends' });
    return;
  }

  const senior = newGp(state);
  const holder = holderKind === 'individual' ? individualHolder(senior) : partnershipHolder(state.odsCode, senior);
  changeContract(state, date, { type: profile.gpContractType, holder });
  // GPs already in post when the history starts are part-way through their careers.
  const careerLeft = () => (date > profile.outline.openedOn ? random.between(0.5, PARTNER_CAREER_YEARS.max - 4) : undefined);
  addPartner(state, date, senior, careerLeft());
  const partners = partnersWanted(state, date, gps);
  for (let i = 1; i < partners; i++) addPartner(state, date, newGp(state), careerLeft());
  for (let i = partners; i < gps; i++) addSalaried(state, date);
  if (profile.gpContractType === 'PMS' && random.chance(PMS_REVIEW.probability)) {
    state.agenda.add(fromDay(random.int(toDay(PMS_REVIEW.from), toDay(PMS_REVIEW.to))), { kind: 'pms-review' });
  }
}

/**
 * The last partner has gone. An individual contractor's contract ends with them: a salaried GP or a newcomer takes
 * it on, GPs form a partnership, or a company takes over (caretaker, then APMS). A partnership without partners is
 * at risk: it is resolved a few months later.
 */
export function lastPartnerGone(state: LifeState, date: string): void {
  if (!isGpHeld(state) || state.partners.size > 0) return;
  if (state.contract?.holder.kind === 'partnership') {
    state.agenda.add(addDays(date, state.random.int(30, 180)), { kind: 'without-partners' });
    return;
  }
  const roll = state.random.next();
  const type = state.contract!.type;
  if (roll < 0.4 && state.salaried.size > 0) {
    const [successor] = state.salaried.values();
    if (promoteSalaried(state, date)) changeContract(state, date, { type, holder: individualHolder(successor) });
  } else if (roll < 0.65) {
    const newcomer = newGp(state);
    if (addPartner(state, date, newcomer)) changeContract(state, date, { type, holder: individualHolder(newcomer) });
  } else if (roll < 0.85) {
    const first = newGp(state);
    if (addPartner(state, date, first)) {
      fillPartnerPost(state, date);
      changeContract(state, date, { type, holder: partnershipHolder(state.odsCode, first) });
    }
  } else {
    changeContract(state, date, { type: 'APMS', holder: companyHolder(state) });
  }
}

export function resolveWithoutPartners(state: LifeState, date: string): void {
  if (!isGpHeld(state) || state.partners.size > 0) return;
  if (state.profile.subcontracts.length === 0 && state.random.chance(CARETAKER_SHARE)) {
    changeContract(state, date, { type: 'APMS', holder: companyHolder(state) });
    return;
  }
  fillPartnerPost(state, date);
}

export function pmsReview(state: LifeState, date: string): void {
  if (state.contract?.type === 'PMS' && state.contract.holder.kind !== 'company') changeContract(state, date, { ...state.contract, type: 'GMS' });
}

/** PCTs were abolished in April 2013: their directly run practices went to other providers under APMS. */
export function pctEnds(state: LifeState, date: string): void {
  if (state.contract?.type === 'PCTMS') changeContract(state, date, { type: 'APMS', holder: companyHolder(state) });
}

export function apmsRenewal(state: LifeState, date: string): void {
  if (state.contract?.type !== 'APMS') return;
  if (state.random.chance(APMS_NEW_PROVIDER_AT_RENEWAL)) {
    changeContract(state, date, { type: 'APMS', holder: companyHolder(state, state.contract.holder.id) });
  } else {
    state.agenda.add(addDays(date, 365 * 5), { kind: 'apms-renewal' });
  }
}

export function joinSuperPartnership(state: LifeState, date: string, plan: SuperPartnershipPlan): void {
  if (!isGpHeld(state) || state.contract?.holder.kind !== 'partnership' || state.profile.subcontracts.length > 0) return;
  if (!state.random.chance(SUPER_PARTNERSHIP.memberShare)) return;
  changeContract(state, date, { type: state.contract.type, holder: { kind: 'partnership', id: plan.id, name: plan.name } });
}

/** The trust runs the practice from now on: its partners become trust employees. */
export function startSubcontract(state: LifeState, date: string, spell: SubcontractSpell): void {
  const contract = state.contract;
  if (!contract || (contract.type !== 'GMS' && contract.type !== 'PMS') || state.subcontract) return;
  if (
    !record(state, {
      type: 'SubcontractToTrust',
      odsCode: state.odsCode,
      trustCode: spell.trustCode,
      trustName: spell.trustName,
      effectiveDate: date,
    })
  )
    return;
  state.subcontract = spell;
  state.gpHeldFrom = null;
  for (const gmcNumber of [...state.partners.keys()]) convertPartner(state, date, gmcNumber, 'trust');
  if (spell.to) state.agenda.add(spell.to, { kind: 'subcontract-end', spell });
}

/** The practice returns to its GPs: two of its salaried GPs (or newcomers) take up the partnership. */
export function endSubcontract(state: LifeState, date: string): void {
  if (!state.subcontract) return;
  if (!record(state, { type: 'EndTrustSubcontract', odsCode: state.odsCode, effectiveDate: date })) return;
  state.subcontract = null;
  if (isGpHeld(state)) state.gpHeldFrom = date;
  for (let i = 0; i < 2; i++) fillPartnerPost(state, date);
}
