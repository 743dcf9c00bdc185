import type { EventWithoutMetadata } from '../event-store.port.js';

/** Turns the data of one stored schema version of an event type into the data of the next version. */
export type Upcaster = (data: unknown, event: EventWithoutMetadata) => unknown;

/**
 * Upcasters by event type and the schema version they upgrade from. Stored events are never rewritten: every read
 * passes each event through the chain (v1 → v2 → …) so the rest of the code only knows the newest shape.
 */
export class EventUpcasters {
  private readonly upcasters = new Map<string, Upcaster>();

  register(type: string, fromSchemaVersion: number, upcast: Upcaster): this {
    const key = upcasterKey(type, fromSchemaVersion);
    if (this.upcasters.has(key)) throw new Error(`an upcaster for ${type} v${fromSchemaVersion} is already registered`);
    this.upcasters.set(key, upcast);
    return this;
  }

  get isEmpty(): boolean {
    return this.upcasters.size === 0;
  }

  upcast<E extends EventWithoutMetadata>(event: E): E {
    let current = event;
    for (;;) {
      const upcast = this.upcasters.get(upcasterKey(current.type, current.schemaVersion));
      if (!upcast) return current;
      current = { ...current, data: upcast(current.data, current), schemaVersion: current.schemaVersion + 1 };
    }
  }
}

function upcasterKey(type: string, schemaVersion: number): string {
  return `${type}@${schemaVersion}`;
}
