import type { Contract, PracticeCommand, TimelineEvent } from '#practices';
import { dateAfter, below, type SeededRandom } from '../../../../test/support/seeded-random.js';

const COMMISSIONERS = ['00K', '5E1', '4QP36', 'QOP'];
const TRUSTS = [
  ['RL4', 'Royal Wolverhampton'],
  ['RXK', 'Sandwell and West Birmingham'],
  ['RJ1', "Guy's and St Thomas'"],
] as const;
const FEDERATIONS = ['wolverhampton-gp-federation', 'black-country-federation', 'city-gp-alliance'];
const PCNS = ['U10001', 'U10002', 'U10003', 'U10004'];
const GPS = Array.from({ length: 24 }, (_, i) => String(4_012_300 + i));

function contract(random: SeededRandom, odsCode: string): Contract {
  const type = random.pick(['GMS', 'GMS', 'PMS', 'APMS', 'PCTMS'] as const);
  const kind = random.pick(['partnership', 'partnership', 'individual', 'company', 'nhs-trust'] as const);
  const id = kind === 'company' ? random.pick(['at-scale-health', 'modality-partnership']) : `${kind}-${odsCode.toLowerCase()}`;
  return { type, holder: { kind, id, name: `Holder ${id}` } };
}

const openedOn = (history: readonly TimelineEvent[]): string | null =>
  history.find((event) => event.event.type === 'PracticeOpened')?.effectiveDate ?? null;

/**
 * A random command for one of `odsCodes`: mostly plausible (dates after opening, known GPs), often retroactive (dates
 * drawn over the practice's life, not in order), sometimes in the future, sometimes a retraction or a merge. The
 * decider refuses the invalid ones, so what gets recorded is a random valid history.
 */
export function randomCommand(
  random: SeededRandom,
  odsCodes: readonly string[],
  historyOf: (ods: string) => readonly TimelineEvent[],
): PracticeCommand {
  const odsCode = random.pick(odsCodes);
  const history = historyOf(odsCode);
  const opened = openedOn(history);
  if (!opened || random.chance(0.02)) {
    return {
      type: 'OpenPractice',
      odsCode,
      name: `Practice ${odsCode}`,
      openedOn: dateAfter(random, '2004-01-01', 365 * 12),
      commissionerCode: random.chance(0.8) ? random.pick(COMMISSIONERS) : null,
      contract: random.chance(0.85) ? contract(random, odsCode) : null,
    };
  }
  const effectiveDate = dateAfter(random, opened, 365 * 22);
  const gmcNumber = random.pick(GPS);
  const [trustCode, trustName] = random.pick(TRUSTS);
  const federationId = random.pick(FEDERATIONS);
  const roll = below(random, 100);
  if (roll < 3) {
    const events = history.filter((event) => event.event.type !== 'EventRetracted');
    return { type: 'RetractEvent', odsCode, eventId: random.pick(events).eventId, reason: 'recorded in error' };
  }
  if (roll < 5) return { type: 'MergePractice', odsCode, intoOdsCode: random.pick(odsCodes), effectiveDate };
  if (roll < 7) return { type: 'ClosePractice', odsCode, reason: 'contract ended', effectiveDate };
  if (roll < 12) return { type: 'RenamePractice', odsCode, name: `Practice ${odsCode} ${below(random, 100)}`, effectiveDate };
  if (roll < 17)
    return { type: 'ChangeCommissioner', odsCode, commissionerCode: random.chance(0.9) ? random.pick(COMMISSIONERS) : null, effectiveDate };
  if (roll < 23) return { type: 'ChangeContract', odsCode, contract: contract(random, odsCode), effectiveDate };
  if (roll < 38) return { type: 'AddPartner', odsCode, gmcNumber, name: `Dr ${gmcNumber}`, effectiveDate };
  if (roll < 45)
    return { type: 'RecordPartnerExit', odsCode, gmcNumber, reason: random.pick(['retirement', 'resignation', 'other'] as const), effectiveDate };
  if (roll < 50)
    return { type: 'ConvertPartnerToSalaried', odsCode, gmcNumber, employer: random.pick(['practice', 'trust'] as const), effectiveDate };
  if (roll < 58) return { type: 'AddSalariedGp', odsCode, gmcNumber, name: `Dr ${gmcNumber}`, effectiveDate };
  if (roll < 63) return { type: 'RecordSalariedGpLeaving', odsCode, gmcNumber, effectiveDate };
  if (roll < 68) return { type: 'SubcontractToTrust', odsCode, trustCode, trustName, effectiveDate };
  if (roll < 71) return { type: 'EndTrustSubcontract', odsCode, effectiveDate };
  if (roll < 77) return { type: 'JoinFederation', odsCode, federationId, federationName: `Federation ${federationId}`, effectiveDate };
  if (roll < 80) return { type: 'LeaveFederation', odsCode, federationId, effectiveDate };
  if (roll < 85) {
    const pcnCode = random.pick(PCNS);
    return { type: 'JoinPcn', odsCode, pcnCode, pcnName: `PCN ${pcnCode}`, effectiveDate };
  }
  if (roll < 88) return { type: 'LeavePcn', odsCode, effectiveDate };
  return { type: 'RecordListSize', odsCode, registeredPatients: 1_000 + below(random, 30_000), effectiveDate };
}
