import type { PracticeCommand, PracticeEventType, TimelineEvent } from '#practices';

/** The parts of a practice's state that the rules read; each event type touches at most one. */
type Aspect = 'lifecycle' | 'workforce' | 'contract' | 'federation' | 'pcn';

const ASPECT_OF_EVENT: Readonly<Record<PracticeEventType, Aspect | null>> = {
  PracticeOpened: 'lifecycle',
  PracticeClosed: 'lifecycle',
  PracticeMerged: 'lifecycle',
  PracticeAbsorbed: null,
  PracticeRenamed: null,
  CommissionerChanged: null,
  ListSizeRecorded: null,
  EventRetracted: null,
  PartnerJoined: 'workforce',
  PartnerExited: 'workforce',
  PartnerConvertedToSalaried: 'workforce',
  SalariedGpJoined: 'workforce',
  SalariedGpLeft: 'workforce',
  ContractChanged: 'contract',
  ContractSubcontractedToTrust: 'contract',
  TrustSubcontractEnded: 'contract',
  FederationJoined: 'federation',
  FederationLeft: 'federation',
  PcnJoined: 'pcn',
  PcnLeft: 'pcn',
};

/** Which timeline a command is decided on: 'all' for those that can invalidate any later event. */
const TIMELINE_OF_COMMAND: Readonly<Record<PracticeCommand['type'], Aspect | 'all'>> = {
  OpenPractice: 'all',
  ClosePractice: 'all',
  MergePractice: 'all',
  RetractEvent: 'all',
  RenamePractice: 'lifecycle',
  ChangeCommissioner: 'lifecycle',
  RecordListSize: 'lifecycle',
  AddPartner: 'workforce',
  RecordPartnerExit: 'workforce',
  ConvertPartnerToSalaried: 'workforce',
  AddSalariedGp: 'workforce',
  RecordSalariedGpLeaving: 'workforce',
  ChangeContract: 'contract',
  SubcontractToTrust: 'contract',
  EndTrustSubcontract: 'contract',
  JoinFederation: 'federation',
  LeaveFederation: 'federation',
  JoinPcn: 'pcn',
  LeavePcn: 'pcn',
};

const ASPECTS: readonly Aspect[] = ['lifecycle', 'workforce', 'contract', 'federation', 'pcn'];

const WORKFORCE_COMMANDS = new Set<PracticeCommand['type']>([
  'AddPartner',
  'RecordPartnerExit',
  'ConvertPartnerToSalaried',
  'AddSalariedGp',
  'RecordSalariedGpLeaving',
]);

/**
 * The timelines the generator decides on. The decider re-folds the whole timeline it is given on every command, and
 * a national history has ~200 events per practice (150 of them list sizes), so deciding on everything would make
 * generation quadratic. Instead:
 * - each rule reads one part of the state (the GPs, the contract and subcontract, federations, the PCN) besides
 *   whether the practice is open, so a command is decided on the lifecycle events plus the events of its part;
 * - the GPs' part keeps growing as GPs come and go, so a command dated on or after everything in it is decided on
 *   the events of the GPs still in post (those who left no longer change what any rule sees from that date on);
 * - commands that can invalidate any later event (open, close, merge, retract) see the whole timeline.
 * The decisions are the same as on the complete timeline; the tests replay every generated stream through the decider
 * on its complete timeline, which would catch any difference.
 */
export class DecisionTimelines {
  readonly all: TimelineEvent[] = [];
  private readonly aspects = new Map<Aspect, TimelineEvent[]>(ASPECTS.map((aspect) => [aspect, []]));
  private readonly latest = new Map<Aspect, string>();
  /** Events of each GP in post, by GMC number. */
  private readonly inPost = new Map<string, TimelineEvent[]>();
  private workforceRetracted = false;

  add(entry: TimelineEvent): void {
    this.all.push(entry);
    const { event } = entry;
    let aspect: Aspect | null;
    if (event.type === 'EventRetracted') {
      // A retraction goes with the event it retracts.
      const target = this.all.find((e) => e.eventId === event.data.eventId);
      aspect = target ? ASPECT_OF_EVENT[target.event.type] : null;
      if (aspect === 'workforce') this.workforceRetracted = true;
    } else {
      aspect = ASPECT_OF_EVENT[event.type];
    }
    if (!aspect) return;
    this.aspects.get(aspect)!.push(entry);
    if (entry.effectiveDate > (this.latest.get(aspect) ?? '')) this.latest.set(aspect, entry.effectiveDate);
    if (aspect === 'workforce') this.trackGp(entry);
  }

  for(command: PracticeCommand): readonly TimelineEvent[] {
    const timeline = TIMELINE_OF_COMMAND[command.type];
    if (timeline === 'all') return this.all;
    const lifecycle = this.aspects.get('lifecycle')!;
    if (timeline === 'lifecycle') return lifecycle;
    // The decider sorts by effective date (ties: stream version), so the lists need not be merged in order.
    if (WORKFORCE_COMMANDS.has(command.type) && this.isAtTheEnd(command) && !this.workforceRetracted) {
      return [...lifecycle, ...[...this.inPost.values()].flat()];
    }
    return [...lifecycle, ...this.aspects.get(timeline)!];
  }

  private isAtTheEnd(command: PracticeCommand): boolean {
    return 'effectiveDate' in command && command.effectiveDate >= (this.latest.get('workforce') ?? '');
  }

  private trackGp(entry: TimelineEvent): void {
    const { event } = entry;
    switch (event.type) {
      case 'PartnerJoined':
      case 'SalariedGpJoined':
      case 'PartnerConvertedToSalaried':
        this.inPost.set(event.data.gmcNumber, [...(this.inPost.get(event.data.gmcNumber) ?? []), entry]);
        return;
      case 'PartnerExited':
      case 'SalariedGpLeft':
        this.inPost.delete(event.data.gmcNumber);
        return;
      default:
        return;
    }
  }
}
