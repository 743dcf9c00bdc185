import type { EventMetadata, EventWithoutMetadata, NewEvent, StreamRead } from '#event-store';
import { PRACTICE_EVENT_SCHEMA_VERSION, type DecidedEvent, type PracticeEvent, type TimelineEvent } from '../domain/index.js';

export function toTimelineEvent(recorded: EventWithoutMetadata): TimelineEvent {
  return {
    eventId: recorded.eventId,
    event: { type: recorded.type, data: recorded.data } as PracticeEvent,
    effectiveDate: recorded.effectiveDate,
    streamVersion: recorded.streamVersion,
    recordedAt: recorded.recordedAt,
  };
}

export const toTimeline = (stream: StreamRead | undefined): TimelineEvent[] => (stream?.events ?? []).map(toTimelineEvent);

/** A decided event as the store appends it: the one mapping used by the API's writes, the ODS import and the seeder. */
export function toNewEvent(decided: DecidedEvent, eventId: string, metadata: EventMetadata): NewEvent {
  return {
    eventId,
    type: decided.event.type,
    data: decided.event.data,
    schemaVersion: PRACTICE_EVENT_SCHEMA_VERSION,
    effectiveDate: decided.effectiveDate,
    metadata,
  };
}
