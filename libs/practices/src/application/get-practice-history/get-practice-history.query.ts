import { Query } from '@nestjs/cqrs';
import type { EventView } from '#event-store';

export interface PracticeHistoryEvent extends EventView {
  readonly retracted: boolean;
  /** The retraction that took this event out, as known at knownAt. */
  readonly retractedBy: { eventId: string; recordedAt: string; reason: string } | null;
}

export interface PracticeHistory {
  readonly odsCode: string;
  readonly knownAt: string;
  readonly streamVersion: number;
  readonly events: readonly PracticeHistoryEvent[];
}

export class GetPracticeHistory extends Query<PracticeHistory> {
  constructor(
    readonly odsCode: string,
    readonly knownAt: string | null,
  ) {
    super();
  }
}
