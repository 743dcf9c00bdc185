import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { classifyDatabaseFailure, PG_POOL } from '#platform';
import { ProjectionStatus, type CatchUpReport, type ProjectionLag } from '#landscape';
import { SingleFlight, within } from './single-flight.js';

/** Each probe gets this long, so /health answers within 2 s whatever the database does (SPEC §9). */
export const PROBE_BUDGET_MS = 1_500;
/** Projections this far behind the log still count as ready; beyond it, reads would be visibly stale. */
export const MAX_READY_LAG_EVENTS = 10_000;

export type DatabaseReport = { readonly status: 'up' } | { readonly status: 'down'; readonly reason: 'unavailable' | 'busy' | 'no answer' | 'error' };
export type ProjectionsReport =
  | ({ readonly status: 'ready' | 'catching-up' | 'behind' } & ProjectionLag)
  | { readonly status: 'unknown'; readonly reason: string }
  // A bulk catch-up keeps the embedded database's one session busy for seconds at a time: its progress still shows.
  | { readonly status: 'catching-up'; readonly reason: string; readonly catchUp: CatchUpReport };

export interface ReadinessReport {
  readonly ready: boolean;
  readonly database: DatabaseReport;
  readonly projections: ProjectionsReport;
}

/**
 * Whether this instance should be sent traffic: the database answers, and the projections have read to the head of
 * the log at least once since this process started (before that, reads would answer from a stale landscape, e.g. 0
 * open practices straight after an import) and are not far behind it now.
 */
@Injectable()
export class Readiness {
  private caughtUpSinceStart = false;
  private readonly ping: SingleFlight<unknown>;
  private readonly lag: SingleFlight<ProjectionLag>;

  constructor(
    @Inject(PG_POOL) pool: pg.Pool,
    @Inject(ProjectionStatus) private readonly projections: ProjectionStatus,
  ) {
    this.ping = new SingleFlight(() => pool.query('SELECT 1'));
    this.lag = new SingleFlight(() => projections.lag());
  }

  async report(): Promise<ReadinessReport> {
    const [ping, lag] = await Promise.all([within(this.ping.run(), PROBE_BUDGET_MS), within(this.lag.run(), PROBE_BUDGET_MS)]);
    const database: DatabaseReport = ping.ok ? { status: 'up' } : { status: 'down', reason: ping.timedOut ? 'no answer' : (classifyDatabaseFailure(ping.error) ?? 'error') };
    if (!lag.ok) {
      const reason = lag.timedOut ? 'no answer from the database' : 'the database could not be read';
      const catchUp = this.projections.catchUp();
      return { ready: false, database, projections: catchUp ? { status: 'catching-up', reason, catchUp } : { status: 'unknown', reason } };
    }
    if (lag.value.events === 0) this.caughtUpSinceStart = true;
    const status = !this.caughtUpSinceStart ? 'catching-up' : lag.value.events > MAX_READY_LAG_EVENTS ? 'behind' : 'ready';
    return { ready: database.status === 'up' && status === 'ready', database, projections: { status, ...lag.value } };
  }
}
