import type { Contract, ContractHolder, PracticeCommand } from '#practices';
import type { Agenda } from './agenda.js';
import type { FederationPlan, SuperPartnershipPlan } from './area-plan.js';
import { addDays } from './calendar.js';
import type { NationalPlan } from './national-plan.js';
import { gpName } from './names.js';
import type { PracticeHistory } from './practice-history.js';
import type { PracticeProfile } from './practice-profile.js';
import { LOCAL_COMPANY_SHARE } from './calibration.js';
import { areaOf } from './practice-outline.js';
import { COMPANIES, slug } from './providers.js';
import type { SeededRandom } from './seeded-random.js';
import type { SubcontractSpell } from './trust-plan.js';

/** Something a practice's life has scheduled for a date. */
export type Task =
  | { readonly kind: 'start' }
  | { readonly kind: 'list-size'; readonly typo: boolean }
  | { readonly kind: 'commissioner'; readonly code: string | null }
  | { readonly kind: 'review' }
  | { readonly kind: 'partner-exit'; readonly gmcNumber: string }
  | { readonly kind: 'salaried-leave'; readonly gmcNumber: string }
  | { readonly kind: 'convert'; readonly gmcNumber: string }
  | { readonly kind: 'add-partner' }
  | { readonly kind: 'add-salaried' }
  | { readonly kind: 'without-partners' }
  | { readonly kind: 'pms-review' }
  | { readonly kind: 'pct-ends' }
  | { readonly kind: 'apms-renewal' }
  | { readonly kind: 'subcontract-start'; readonly spell: SubcontractSpell }
  | { readonly kind: 'subcontract-end'; readonly spell: SubcontractSpell }
  | { readonly kind: 'super-partnership'; readonly plan: SuperPartnershipPlan }
  | { readonly kind: 'federation-join'; readonly federation: FederationPlan; readonly mistaken: boolean; readonly staysDays: number | null }
  | { readonly kind: 'federation-leave'; readonly federationId: string };

export interface Gp {
  readonly gmcNumber: string;
  readonly name: string;
}

/** The simulation's own view of the practice, kept in step with what the decider accepted. */
export interface LifeState {
  readonly odsCode: string;
  readonly profile: PracticeProfile;
  readonly history: PracticeHistory;
  readonly plan: NationalPlan;
  readonly random: SeededRandom;
  readonly agenda: Agenda<Task>;
  contract: Contract | null;
  subcontract: SubcontractSpell | null;
  readonly partners: Map<string, Gp>;
  readonly salaried: Map<string, Gp>;
  readonly usedGmcNumbers: Set<string>;
  /** Since when the contract has been held by GPs and not subcontracted (null: it is not now). */
  gpHeldFrom: string | null;
  typo: { eventId: string; date: string; correct: number } | null;
  mistakenFederation: string | null;
}

export const isGpHeld = (state: LifeState): boolean =>
  state.subcontract === null && (state.contract?.holder.kind === 'partnership' || state.contract?.holder.kind === 'individual');

/** Records a command; true when the decider accepted it. */
export function record(state: LifeState, command: PracticeCommand): boolean {
  return state.history.record(command) !== null;
}

export function changeContract(state: LifeState, date: string, contract: Contract): boolean {
  if (!record(state, { type: 'ChangeContract', odsCode: state.odsCode, contract, effectiveDate: date })) return false;
  const wasGpHeld = isGpHeld(state);
  state.contract = contract;
  if (!isGpHeld(state)) state.gpHeldFrom = null;
  else if (!wasGpHeld) state.gpHeldFrom = date;
  if (contract.type === 'APMS') state.agenda.add(addDays(date, 365 * 5), { kind: 'apms-renewal' });
  return true;
}

export function newGp(state: LifeState): Gp {
  for (;;) {
    const gmcNumber = String(state.random.int(1_000_000, 7_999_999));
    if (state.usedGmcNumbers.has(gmcNumber)) continue;
    state.usedGmcNumbers.add(gmcNumber);
    return { gmcNumber, name: gpName(state.random) };
  }
}

/** A company to hold the contract: usually a local one (of the practice's area), else a national provider. */
export function companyHolder(state: LifeState, not?: string): ContractHolder {
  const { random } = state;
  if (random.chance(LOCAL_COMPANY_SHARE)) {
    const name = `Primary Care ${areaOf(state.profile.outline)} Ltd`;
    if (slug(name) !== not) return { kind: 'company', id: slug(name), name };
  }
  const choices = COMPANIES.filter((c) => c.id !== not);
  const company = random.weighted(choices.map((c) => [c, c.weight] as const));
  return { kind: 'company', id: company.id, name: company.name };
}

export const partnershipHolder = (odsCode: string, senior: Gp): ContractHolder => ({
  kind: 'partnership',
  id: `${odsCode.toLowerCase()}-partners`,
  name: `${senior.name} and Partners`,
});

export const individualHolder = (gp: Gp): ContractHolder => ({ kind: 'individual', id: `gp-${gp.gmcNumber}`, name: gp.name });
