import { Injectable } from '@nestjs/common';

/** How a far-behind projector catches up: rebuilding beside the live table, or bulk pages onto it. */
export type CatchUpMode = 'rebuild' | 'bulk';

// A type alias (not an interface) so it is assignable to a health report's details.
export type CatchUpReport = {
  readonly mode: CatchUpMode;
  /** Events still to apply (the backlog counted when the catch-up began, less those applied since). */
  readonly eventsBehind: number;
  readonly eventsApplied: number;
  /** Events applied per second since the catch-up began; null in its first second. */
  readonly eventsPerSec: number | null;
  /** Seconds left at that rate; null while the rate is unknown. */
  readonly etaSeconds: number | null;
  readonly startedAt: string;
};

/** This process's catch-up in progress, if any: the projector reports to it and /health shows it. */
@Injectable()
export class CatchUpProgress {
  private current: { mode: CatchUpMode; backlog: number; applied: number; started: number } | null = null;
  private last: { events: number; durationMs: number } | null = null;

  begin(mode: CatchUpMode, backlog: number): void {
    this.current = { mode, backlog, applied: 0, started: Date.now() };
  }

  applied(events: number): void {
    if (this.current) this.current.applied = events;
  }

  /** The catch-up reached the head of the log (or stopped): its own rate is kept as the last one's. */
  end(): void {
    if (this.current) this.last = { events: this.current.applied, durationMs: Date.now() - this.current.started };
    this.current = null;
  }

  report(): CatchUpReport | null {
    if (!this.current) return null;
    const { mode, backlog, applied, started } = this.current;
    const seconds = (Date.now() - started) / 1000;
    const eventsPerSec = seconds >= 1 && applied > 0 ? Math.round(applied / seconds) : null;
    const eventsBehind = Math.max(0, backlog - applied);
    return {
      mode,
      eventsBehind,
      eventsApplied: applied,
      eventsPerSec,
      etaSeconds: eventsPerSec === null ? null : Math.ceil(eventsBehind / eventsPerSec),
      startedAt: new Date(started).toISOString(),
    };
  }

  /** The last finished catch-up's events and duration (logged when it ends), null before any. */
  lastFinished(): { events: number; durationMs: number } | null {
    return this.last;
  }
}
