import type { EventStore, StreamAppend } from '#event-store';
import type { AtomicGroup } from './chunk-generator.js';

/**
 * Appends generated streams in large atomic appends (a group, e.g. both sides of a merge, never splits across two).
 * One append is in flight while the caller generates the next chunk, so generating and writing overlap.
 */
export class BatchWriter {
  private inFlight: Promise<void> = Promise.resolve();
  private pending: StreamAppend[] = [];
  private pendingEvents = 0;
  eventsAppended = 0;
  appends = 0;

  constructor(
    private readonly store: EventStore,
    private readonly maxEventsPerAppend: number,
    private readonly onAppended: (events: number) => void = () => undefined,
  ) {}

  /** Queues groups; appends whenever a full batch is ready (waiting for the previous append first). */
  async write(groups: readonly AtomicGroup[]): Promise<void> {
    for (const group of groups) {
      this.pending.push(...group);
      this.pendingEvents += group.reduce((sum, append) => sum + append.events.length, 0);
      if (this.pendingEvents >= this.maxEventsPerAppend) await this.flush();
    }
  }

  /** Starts appending what is queued; resolves once the previous append has finished. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    const events = this.pendingEvents;
    this.pending = [];
    this.pendingEvents = 0;
    await this.inFlight;
    this.inFlight = this.store.append(batch).then(() => {
      this.eventsAppended += events;
      this.appends++;
      this.onAppended(this.eventsAppended);
    });
    // Surface a failure at the next await rather than as an unhandled rejection.
    this.inFlight.catch(() => undefined);
  }

  /** Appends whatever is queued and waits for every append to finish. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }
}
