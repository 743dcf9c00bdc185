import canonicalize from 'canonicalize';
import { toEventView, type RecordedEvent } from '#event-store';
import { leafHash, type Hash } from '../merkle/index.js';

/** SPEC §8 leaf data: the UTF-8 bytes of the RFC 8785 canonical JSON of the event exactly as /feed returns it. */
export function leafData(event: RecordedEvent): Buffer {
  const text = canonicalize(toEventView(event));
  if (text === undefined) throw new Error(`event ${event.eventId} has no canonical JSON form`);
  return Buffer.from(text, 'utf8');
}

export const eventLeafHash = (event: RecordedEvent): Hash => leafHash(leafData(event));
