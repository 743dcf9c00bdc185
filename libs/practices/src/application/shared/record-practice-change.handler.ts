import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore, WrongExpectedVersionError, type AppendResult, type StreamAppend } from '#event-store';
import { decide, practiceStreamId, type DecidedEvent, type Decision, type PracticeCommand } from '../../domain/index.js';
import { PracticeTimelineCache } from './practice-timeline.cache.js';
import { toNewEvent } from '../../streams/timeline.mapping.js';
import { RecordPracticeChange, type WriteResult } from './record-practice-change.command.js';
import type { WriteContext } from './write-context.js';
import { checkWriteScope } from './write-scope.js';
import { retryLostRaces } from '../lost-race-retry.js';
import { StreamVersionMismatchError } from './write-refusals.js';

/** Up to this many writers racing on one practice all succeed. */
const MAX_ATTEMPTS = 30;

@CommandHandler(RecordPracticeChange)
export class RecordPracticeChangeHandler implements ICommandHandler<RecordPracticeChange, WriteResult> {
  constructor(
    private readonly store: EventStore,
    private readonly timelines: PracticeTimelineCache,
  ) {}

  async execute({ command, context }: RecordPracticeChange): Promise<WriteResult> {
    if (context.idempotencyKey) {
      const earlier = await this.store.findIdempotentResult(context.idempotencyKey, context.fingerprint, context.recordedBy);
      if (earlier) return toWriteResult(earlier, command.odsCode);
    }
    const refuse = (race: WrongExpectedVersionError) =>
      context.expectedVersion === undefined ? null : new StreamVersionMismatchError(context.expectedVersion, race.actualVersion ?? 0);
    // The first attempt decides on what this process holds; after a lost race, on the streams read afresh.
    const result = await retryLostRaces((attempt) => this.decideAndAppend(command, context, attempt === 1), {
      maxAttempts: MAX_ATTEMPTS,
      backOff: true,
      refuse,
    });
    return toWriteResult(result, command.odsCode);
  }

  /**
   * Decides on the practice's stream (and a merge target's) and appends at the version decided on. With `mayUseHeld`
   * the streams this process holds are taken as they are, saving a round trip: a success is then still sound, since
   * the append fails if either stream moved on, but a refusal is not (the event that makes the command valid may be
   * one not yet seen), so a refusal is only ever given on streams read afresh.
   */
  private async decideAndAppend(command: PracticeCommand, context: WriteContext, mayUseHeld: boolean): Promise<AppendResult> {
    const practiceStream = practiceStreamId(command.odsCode);
    const intoStream = command.type === 'MergePractice' ? practiceStreamId(command.intoOdsCode) : null;
    const read = (streamId: string) => (mayUseHeld ? this.timelines.heldOrRead(streamId) : this.timelines.read(streamId));
    const practice = await read(practiceStream);
    const into = intoStream ? await read(intoStream) : undefined;
    let decision: Decision;
    try {
      if (context.expectedVersion !== undefined && context.expectedVersion !== practice.version) {
        throw new StreamVersionMismatchError(context.expectedVersion, practice.version ?? 0);
      }
      checkWriteScope(context.commissionerScope, command, { practice: practice.history, into: into?.history });
      decision = decide(command, {
        practice: practice.history,
        practiceFold: this.timelines.foldOf(practiceStream, practice.history),
        into: into?.history,
      });
    } catch (refusal) {
      if (practice.complete && (into?.complete ?? true)) throw refusal;
      return this.decideAndAppend(command, context, false);
    }
    const appends: StreamAppend[] = [
      { streamId: practiceStream, expectedVersion: practice.version, events: decision.practice.map((e) => newEventOf(e, context)) },
    ];
    if (intoStream && into && decision.into?.length) {
      appends.push({
        streamId: intoStream,
        expectedVersion: into.version,
        events: decision.into.map((e) => newEventOf(e, context)),
      });
    }
    const result = await this.store.append(appends, {
      idempotencyKey: context.idempotencyKey,
      idempotencyFingerprint: context.fingerprint,
      idempotencyPrincipal: context.recordedBy,
    });
    for (const stream of result.replayed ? [] : result.streams) this.timelines.appended(stream.streamId, stream.events);
    return result;
  }
}

function newEventOf(decided: DecidedEvent, { recordedBy, correlationId, causationId }: WriteContext) {
  return toNewEvent(decided, randomUUID(), { recordedBy, correlationId, causationId });
}

function toWriteResult(result: AppendResult, odsCode: string): WriteResult {
  const stream = result.streams.find((s) => s.streamId === practiceStreamId(odsCode)) ?? result.streams[0];
  return { eventId: stream.events[0].eventId, odsCode, streamVersion: stream.streamVersion, position: result.position };
}
