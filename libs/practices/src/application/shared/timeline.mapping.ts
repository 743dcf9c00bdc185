import type { RecordedEvent, StreamRead } from '#event-store';
import type { PracticeEvent, TimelineEvent } from '../../domain/index.js';

export function toTimelineEvent(recorded: RecordedEvent): TimelineEvent {
  return {
    eventId: recorded.eventId,
    event: { type: recorded.type, data: recorded.data } as PracticeEvent,
    effectiveDate: recorded.effectiveDate,
    streamVersion: recorded.streamVersion,
    recordedAt: recorded.recordedAt,
  };
}

export const toTimeline = (stream: StreamRead | undefined): TimelineEvent[] => (stream?.events ?? []).map(toTimelineEvent);
