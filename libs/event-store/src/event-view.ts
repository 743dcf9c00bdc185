import { encodeCursor } from './cursor.js';
import type { RecordedEvent } from './event-store.port.js';

/** How a recorded event is shown to clients (history, feed): data plus every piece of SPEC §3 metadata. */
export interface EventView {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly position: string;
  readonly effectiveDate: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
}

export function toEventView(event: RecordedEvent): EventView {
  const { recordedBy, correlationId, causationId, ...extra } = event.metadata;
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    position: encodeCursor({ transactionId: event.transactionId, position: event.position }),
    effectiveDate: event.effectiveDate,
    recordedAt: event.recordedAt,
    recordedBy,
    correlationId,
    causationId,
    data: event.data,
    metadata: extra,
  };
}
