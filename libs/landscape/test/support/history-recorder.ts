import { randomUUID } from 'node:crypto';
import type { EventStore, StreamAppend } from '#event-store';
import {
  decide,
  practiceStreamId,
  PracticeAlreadyExistsError,
  PracticeNotFoundError,
  PracticeRuleViolation,
  toTimelineEvent,
  type DecidedEvent,
  type PracticeCommand,
  type TimelineEvent,
} from '#practices';
import type { SeededRandom } from '../../../../test/support/seeded-random.js';
import { randomCommand } from './random-commands.js';

/**
 * Records commands the way the write side does (decide on the stream, append with the expected version), keeping a
 * copy of every practice's history so tests can fold it independently. Refused commands append nothing.
 */
export class HistoryRecorder {
  readonly histories = new Map<string, TimelineEvent[]>();
  appended = 0;

  constructor(private readonly store: EventStore) {}

  history(odsCode: string): TimelineEvent[] {
    return this.histories.get(odsCode) ?? [];
  }

  /** True when the command was accepted and appended. */
  async record(command: PracticeCommand): Promise<boolean> {
    const into = command.type === 'MergePractice' ? command.intoOdsCode : null;
    let decision;
    try {
      decision = decide(command, { practice: this.history(command.odsCode), into: into ? this.history(into) : undefined });
    } catch (error) {
      if (error instanceof PracticeRuleViolation || error instanceof PracticeNotFoundError || error instanceof PracticeAlreadyExistsError) {
        return false;
      }
      throw error;
    }
    const appends: StreamAppend[] = [this.appendOf(command.odsCode, decision.practice)];
    if (into && decision.into?.length) appends.push(this.appendOf(into, decision.into));
    const result = await this.store.append(appends);
    for (const stream of result.streams) {
      const odsCode = stream.streamId.slice('practice-'.length);
      this.histories.set(odsCode, [...this.history(odsCode), ...stream.events.map(toTimelineEvent)]);
      this.appended += stream.events.length;
    }
    return true;
  }

  /**
   * Decides one command per practice (merges excluded) and appends every accepted one in a single atomic append:
   * a fast way to a long log. Returns how many commands were accepted.
   */
  async recordRound(commands: readonly PracticeCommand[]): Promise<number> {
    const appends = new Map<string, StreamAppend>();
    for (const command of commands) {
      if (command.type === 'MergePractice' || appends.has(command.odsCode)) continue;
      try {
        const decision = decide(command, { practice: this.history(command.odsCode) });
        appends.set(command.odsCode, this.appendOf(command.odsCode, decision.practice));
      } catch (error) {
        if (!(error instanceof PracticeRuleViolation || error instanceof PracticeNotFoundError || error instanceof PracticeAlreadyExistsError)) {
          throw error;
        }
      }
    }
    if (appends.size === 0) return 0;
    const result = await this.store.append([...appends.values()]);
    for (const stream of result.streams) {
      const odsCode = stream.streamId.slice('practice-'.length);
      this.histories.set(odsCode, [...this.history(odsCode), ...stream.events.map(toTimelineEvent)]);
      this.appended += stream.events.length;
    }
    return appends.size;
  }

  /** `rounds` rounds (recordRound) of one random command for each of `odsCodes`, drawn from `random`. */
  async recordRandomRounds(random: SeededRandom, odsCodes: readonly string[], rounds = 1): Promise<void> {
    for (let round = 0; round < rounds; round++) {
      await this.recordRound(odsCodes.map(() => randomCommand(random, odsCodes, (ods) => this.history(ods))));
    }
  }

  private appendOf(odsCode: string, events: readonly DecidedEvent[]): StreamAppend {
    return {
      streamId: practiceStreamId(odsCode),
      expectedVersion: this.history(odsCode).length,
      events: events.map((decided) => ({
        eventId: randomUUID(),
        type: decided.event.type,
        data: decided.event.data,
        effectiveDate: decided.effectiveDate,
        metadata: { recordedBy: 'landscape-test', correlationId: randomUUID(), causationId: null },
      })),
    };
  }
}
