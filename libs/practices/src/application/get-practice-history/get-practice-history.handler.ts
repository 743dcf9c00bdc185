import { NotFoundException } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EventStore, toEventView } from '#event-store';
import { practiceStreamId, type EventRetracted } from '../../domain/index.js';
import { GetPracticeHistory, type PracticeHistory, type PracticeHistoryEvent } from './get-practice-history.query.js';

/**
 * The audit view of one practice: its own stream read straight from the log (not a projection), as it stood at
 * knownAt (never later than the instant through which the stream is settled), in effective order (ties in recorded
 * order), each event marked if a retraction known by then took it out.
 */
@QueryHandler(GetPracticeHistory)
export class GetPracticeHistoryHandler implements IQueryHandler<GetPracticeHistory, PracticeHistory> {
  constructor(private readonly store: EventStore) {}

  async execute({ odsCode, knownAt }: GetPracticeHistory): Promise<PracticeHistory> {
    const { stream, completeThrough } = await this.store.readStreamSettled(practiceStreamId(odsCode));
    const usedKnownAt = await this.usableKnownAt(knownAt, completeThrough);
    const cutoff = Date.parse(usedKnownAt);
    const known = stream.events.filter((event) => Date.parse(event.recordedAt) <= cutoff);
    if (known.length === 0) {
      throw new NotFoundException({
        title: 'Practice not found',
        detail: `no practice ${odsCode} was recorded by ${usedKnownAt}`,
        code: 'PRACTICE_NOT_FOUND',
      });
    }
    const retractions = new Map(
      known.filter((event) => event.type === 'EventRetracted').map((event) => [(event.data as EventRetracted['data']).eventId, event] as const),
    );
    const events: PracticeHistoryEvent[] = known
      .map((event) => {
        const retraction = retractions.get(event.eventId);
        return {
          ...toEventView(event),
          retracted: retraction !== undefined,
          retractedBy: retraction
            ? { eventId: retraction.eventId, recordedAt: retraction.recordedAt, reason: (retraction.data as EventRetracted['data']).reason }
            : null,
        };
      })
      .sort((a, b) => (a.effectiveDate === b.effectiveDate ? a.streamVersion - b.streamVersion : a.effectiveDate < b.effectiveDate ? -1 : 1));
    return { odsCode, knownAt: usedKnownAt, streamVersion: known[known.length - 1].streamVersion, events };
  }

  /**
   * This read concerns one stream, so its own settled instant bounds knownAt, not the store-wide horizon: a long
   * transaction elsewhere does not hide a write this practice has already answered.
   */
  private async usableKnownAt(requested: string | null, completeThrough: string | null): Promise<string> {
    if (completeThrough === null) return this.store.clampKnownAt(requested);
    if (requested === null || Date.parse(requested) >= Date.parse(completeThrough)) return completeThrough;
    return new Date(requested).toISOString();
  }
}
