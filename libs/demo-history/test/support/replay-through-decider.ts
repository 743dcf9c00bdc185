import { assertNever, decide, type PracticeCommand, type PracticeEvent, type TimelineEvent } from '#practices';

/** The command that records `event` (what a commissioner would have sent), or null for the merge's other half. */
export function commandFor(odsCode: string, { event, effectiveDate }: TimelineEvent): PracticeCommand | null {
  const on = { odsCode, effectiveDate };
  switch (event.type) {
    case 'PracticeOpened':
      return {
        type: 'OpenPractice',
        odsCode,
        name: event.data.name,
        openedOn: effectiveDate,
        commissionerCode: event.data.commissionerCode ?? null,
        contract: event.data.contract ?? null,
      };
    case 'PracticeRenamed':
      return { type: 'RenamePractice', ...on, name: event.data.name };
    case 'CommissionerChanged':
      return { type: 'ChangeCommissioner', ...on, commissionerCode: event.data.commissionerCode };
    case 'ContractChanged':
      return { type: 'ChangeContract', ...on, contract: { type: event.data.type, holder: event.data.holder } };
    case 'PartnerJoined':
      return { type: 'AddPartner', ...on, gmcNumber: event.data.gmcNumber, name: event.data.name };
    case 'PartnerExited':
      return { type: 'RecordPartnerExit', ...on, gmcNumber: event.data.gmcNumber, reason: event.data.reason };
    case 'PartnerConvertedToSalaried':
      return { type: 'ConvertPartnerToSalaried', ...on, gmcNumber: event.data.gmcNumber, employer: event.data.employer };
    case 'SalariedGpJoined':
      return { type: 'AddSalariedGp', ...on, gmcNumber: event.data.gmcNumber, name: event.data.name };
    case 'SalariedGpLeft':
      return { type: 'RecordSalariedGpLeaving', ...on, gmcNumber: event.data.gmcNumber };
    case 'ContractSubcontractedToTrust':
      return { type: 'SubcontractToTrust', ...on, trustCode: event.data.trustCode, trustName: event.data.trustName };
    case 'TrustSubcontractEnded':
      return { type: 'EndTrustSubcontract', ...on };
    case 'FederationJoined':
      return { type: 'JoinFederation', ...on, federationId: event.data.federationId, federationName: event.data.federationName };
    case 'FederationLeft':
      return { type: 'LeaveFederation', ...on, federationId: event.data.federationId };
    case 'PcnJoined':
      return { type: 'JoinPcn', ...on, pcnCode: event.data.pcnCode, pcnName: event.data.pcnName };
    case 'PcnLeft':
      return { type: 'LeavePcn', ...on };
    case 'ListSizeRecorded':
      return { type: 'RecordListSize', ...on, registeredPatients: event.data.registeredPatients };
    case 'PracticeMerged':
      return { type: 'MergePractice', ...on, intoOdsCode: event.data.intoOdsCode };
    case 'PracticeAbsorbed':
      return null;
    case 'PracticeClosed':
      return { type: 'ClosePractice', ...on, reason: event.data.reason };
    case 'EventRetracted':
      return { type: 'RetractEvent', odsCode, eventId: event.data.eventId, reason: event.data.reason };
    default:
      return assertNever(event);
  }
}

/**
 * Replays every stream event by event, in recorded order, sending each event's command to the decider on the complete
 * stream so far (no shortcuts): the decider must give back exactly the recorded event. Returns the mismatches.
 */
export function replayThroughDecider(streams: ReadonlyMap<string, readonly TimelineEvent[]>): string[] {
  const problems: string[] = [];
  for (const [odsCode, timeline] of streams) {
    for (let index = 0; index < timeline.length; index++) {
      const recorded = timeline[index];
      const command = commandFor(odsCode, recorded);
      if (command === null) continue;
      const into = command.type === 'MergePractice' ? withoutAbsorption(streams.get(command.intoOdsCode) ?? [], odsCode) : undefined;
      try {
        const decided = decide(command, { practice: timeline.slice(0, index), into }).practice;
        const expected: PracticeEvent = recorded.event;
        if (decided.length !== 1 || canonical(decided[0].event) !== canonical(expected) || decided[0].effectiveDate !== recorded.effectiveDate) {
          problems.push(`${odsCode} #${index + 1} ${recorded.event.type}: decided ${JSON.stringify(decided)}`);
        }
      } catch (error) {
        problems.push(`${odsCode} #${index + 1} ${recorded.event.type} on ${recorded.effectiveDate}: ${(error as Error).message}`);
      }
    }
  }
  return problems;
}

/** JSON with keys sorted: stored jsonb does not keep key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

function withoutAbsorption(timeline: readonly TimelineEvent[], fromOdsCode: string): TimelineEvent[] {
  return timeline.filter((e) => !(e.event.type === 'PracticeAbsorbed' && e.event.data.fromOdsCode === fromOdsCode));
}
