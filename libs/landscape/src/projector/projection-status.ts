import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { clampKnownAt, compareCursors, encodeCursor, EventStore, type LogCursor } from '#event-store';
import { PG_POOL, READ_POOL } from '#platform';
import { PRACTICE_VERSIONS_TABLE } from '../schema/practice-versions.ddl.js';
import { CatchUpProgress, type CatchUpReport } from '../catch-up/catch-up-progress.js';
import { PRACTICE_VERSIONS_PROJECTION_VERSION, readCheckpoint, type Checkpoint } from './checkpoint-store.js';
import { ProjectionSignals } from './projection-signals.js';

// A type alias (not an interface) so it is assignable to a health indicator's details record.
export type ProjectionLag = {
  /** Events in the log after the checkpoint, counted up to `LAG_COUNT_LIMIT` (then `atLeast` is true). */
  readonly events: number;
  readonly atLeast: boolean;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  readonly ms: number;
  /** The checkpoint as an opaque position (compare with a write's `position`), null before the first event. */
  readonly position: string | null;
  readonly stableHorizon: string | null;
  readonly projectionVersion: number;
  /** False when the stored rows were built by another projection version and need `rebuild-projections`. */
  readonly current: boolean;
  /** This process's bulk catch-up, while one runs: events behind, rate and time left. */
  readonly catchUp?: CatchUpReport;
};

// One past the health check's readiness threshold (10,000), so "more than that" shows in `events` itself.
const LAG_COUNT_LIMIT = 10_001;
const POLL_MS = 100;

/** The live landscape projection's progress: for health checks, minPosition waits and clamping knownAt. */
@Injectable()
export class ProjectionStatus {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(READ_POOL) private readonly readPool: pg.Pool,
    private readonly store: EventStore,
    private readonly signals: ProjectionSignals,
    private readonly catchUpProgress: CatchUpProgress,
  ) {}

  checkpoint(): Promise<Checkpoint> {
    return readCheckpoint(this.pool, PRACTICE_VERSIONS_TABLE);
  }

  /** This process's bulk catch-up in progress, known without asking the database (busy with it). */
  catchUp(): CatchUpReport | null {
    return this.catchUpProgress.report();
  }

  async lag(): Promise<ProjectionLag> {
    const checkpoint = await this.checkpoint();
    const backlog = await this.store.backlog(checkpoint.cursor, LAG_COUNT_LIMIT);
    return {
      events: backlog.events,
      atLeast: backlog.atLeast,
      ms: backlog.oldestRecordedAt ? Math.max(0, Date.now() - Date.parse(backlog.oldestRecordedAt)) : 0,
      position: checkpoint.cursor ? encodeCursor(checkpoint.cursor) : null,
      stableHorizon: checkpoint.stableHorizon,
      projectionVersion: checkpoint.projectionVersion,
      current: checkpoint.projectionVersion === PRACTICE_VERSIONS_PROJECTION_VERSION,
      ...withCatchUp(this.catchUp()),
    };
  }

  /**
   * True once the projection has applied the event at `position` and established a stable horizon past it, so a read
   * with the default knownAt sees it (waiting up to `timeoutMs`).
   */
  async waitForPosition(position: LogCursor, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let checkpoint = await this.checkpoint();
    for (;;) {
      const { horizonCursor } = checkpoint;
      if (horizonCursor !== null && compareCursors(horizonCursor, position) >= 0) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      // Woken by this process's projector: the checkpoint it just committed. On a poll, the stored one (any projector's).
      checkpoint = (await this.signals.next(Math.min(POLL_MS, left))) ?? (await this.checkpoint());
    }
  }

  /**
   * The knownAt a read answers for: the requested instant (default now), never beyond the projection's stable
   * horizon, so the same (asOf, knownAt) always gets the same answer. The horizon of the copy the reads come from: a
   * replica's may be a moment behind the primary's, and its rows are only complete up to its own.
   */
  async resolveKnownAt(requested: string | undefined): Promise<string> {
    const { stableHorizon } = await readCheckpoint(this.readPool, PRACTICE_VERSIONS_TABLE);
    return clampKnownAt(requested, stableHorizon);
  }
}

const withCatchUp = (report: CatchUpReport | null) => (report ? { catchUp: report } : {});
