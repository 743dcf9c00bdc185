import type { NewEvent } from '#event-store';
import {
  decide,
  toNewEvent,
  PracticeAlreadyExistsError,
  PracticeNotFoundError,
  PracticeRuleViolation,
  type DecidedEvent,
  type MergePractice,
  type PracticeCommand,
  type TimelineEvent,
} from '#practices';
import { DecisionTimelines } from './decision-timelines.js';
import { SeededRandom, seededUuid } from './seeded-random.js';

/** Stands in for the database clock on events decided in memory (the decider reads it only for knownAt queries). */
const DECIDED_AT = '1970-01-01T00:00:00.000Z';

export interface HistoryContext {
  readonly seed: number;
  readonly recordedBy: string;
}

/**
 * One practice's stream in memory while the generator writes its history: every command goes through the
 * decider on the stream so far, and the decided events are kept for appending.
 * Each command is decided on the part of the timeline its rules read (see DecisionTimelines), for speed.
 */
export class PracticeHistory {
  readonly events: NewEvent[] = [];
  /** Events from this index on are late-recorded corrections, appended after the rest. */
  lateFrom: number | null = null;
  refusals: string[] = [];
  private readonly timelines = new DecisionTimelines();
  private readonly ids: SeededRandom;
  private readonly correlationId: string;

  constructor(
    readonly odsCode: string,
    recorded: readonly TimelineEvent[],
    readonly recordedVersion: number,
    private readonly context: HistoryContext,
  ) {
    for (const event of recorded) this.timelines.add(event);
    this.ids = new SeededRandom(context.seed, 'event-ids', odsCode);
    this.correlationId = seededUuid(new SeededRandom(context.seed, 'correlation', odsCode));
  }

  /** Decides and keeps the command's events; returns their ids, or null (and notes why) when the decider refuses. */
  record(command: PracticeCommand): string[] | null {
    try {
      return decide(command, { practice: this.timelines.for(command) }).practice.map((decided) => this.keep(decided));
    } catch (error) {
      if (!isRefusal(error)) throw error;
      this.refusals.push(`${this.odsCode} ${command.type}: ${error.message}`);
      return null;
    }
  }

  /** Records a merge on both streams (the two halves are appended together). */
  recordMerge(command: MergePractice, into: PracticeHistory): boolean {
    try {
      const decision = decide(command, { practice: this.timelines.all, into: into.timelines.all });
      decision.practice.forEach((decided) => this.keep(decided));
      decision.into?.forEach((decided) => into.keep(decided));
      return true;
    } catch (error) {
      if (!isRefusal(error)) throw error;
      this.refusals.push(`${this.odsCode} MergePractice: ${error.message}`);
      return false;
    }
  }

  /** From now on, what is recorded is a late correction. */
  startLateCorrections(): void {
    this.lateFrom ??= this.events.length;
  }

  /** Every event of the stream: recorded before plus generated, in recorded order. */
  timeline(): readonly TimelineEvent[] {
    return this.timelines.all;
  }

  private keep(decided: DecidedEvent): string {
    const eventId = seededUuid(this.ids);
    const streamVersion = this.recordedVersion + this.events.length + 1;
    this.timelines.add({ eventId, event: decided.event, effectiveDate: decided.effectiveDate, streamVersion, recordedAt: DECIDED_AT });
    const late = this.lateFrom !== null;
    this.events.push(
      toNewEvent(decided, eventId, {
        recordedBy: this.context.recordedBy,
        correlationId: this.correlationId,
        causationId: null,
        seed: this.context.seed,
        ...(late ? { note: 'late-recorded correction' } : {}),
      }),
    );
    return eventId;
  }
}

function isRefusal(error: unknown): error is Error {
  return error instanceof PracticeRuleViolation || error instanceof PracticeNotFoundError || error instanceof PracticeAlreadyExistsError;
}
