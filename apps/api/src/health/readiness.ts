import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { classifyDatabaseFailure, PG_POOL } from '#platform';
import { ProjectionStatus, ReplicaProjection, type CatchUpReport, type ProjectionLag, type ReplicaLag } from '#landscape';
import { SingleFlight, within } from './single-flight.js';

/** Each probe gets this long, so /health answers within 2 s whatever the database does (SPEC §9). */
export const PROBE_BUDGET_MS = 1_500;
/** Projections this far behind the log still count as ready; beyond it, reads would be visibly stale. */
export const MAX_READY_LAG_EVENTS = 10_000;

export type DatabaseReport = { readonly status: 'up' } | { readonly status: 'down'; readonly reason: 'unavailable' | 'busy' | 'no answer' | 'error' };
export type ProjectionsReport =
  | ({ readonly status: 'ready' | 'catching-up' | 'behind' } & ProjectionLag)
  | { readonly status: 'unknown'; readonly reason: string }
  // This process's bulk catch-up, as it reports itself (with a reason when the lag probe was asked and failed).
  | { readonly status: 'catching-up'; readonly reason?: string; readonly catchUp: CatchUpReport };

/** Only with READ_DATABASE_URL: the replica that serves the landscape reads, and how far behind the primary it is. */
export type ReplicaReport =
  ({ readonly status: 'up' } & ReplicaLag) | { readonly status: 'down'; readonly reason: 'unavailable' | 'busy' | 'no answer' | 'error' };

export interface ReadinessReport {
  readonly ready: boolean;
  readonly database: DatabaseReport;
  readonly projections: ProjectionsReport;
  readonly replica?: ReplicaReport;
}

/**
 * Whether this instance should be sent traffic: the database answers, and the projections have read to the head of
 * the log at least once since this process started (before that, reads would answer from a stale landscape, e.g. 0
 * open practices straight after an import) and are not far behind it now. With a read replica, that it answers too
 * (the landscape reads need it); how far it lags is reported, and `minPosition` covers reads that must see a write.
 */
@Injectable()
export class Readiness {
  private caughtUpSinceStart = false;
  private readonly ping: SingleFlight<unknown>;
  private readonly lag: SingleFlight<ProjectionLag>;
  private readonly replicaLag: SingleFlight<ReplicaLag> | null;

  constructor(
    @Inject(PG_POOL) pool: pg.Pool,
    @Inject(ProjectionStatus) private readonly projections: ProjectionStatus,
    @Inject(ReplicaProjection) replica: ReplicaProjection,
  ) {
    this.ping = new SingleFlight(() => pool.query('SELECT 1'));
    this.lag = new SingleFlight(() => projections.lag());
    this.replicaLag = replica.configured ? new SingleFlight(() => replica.lag()) : null;
  }

  async report(): Promise<ReadinessReport> {
    // This process's bulk catch-up knows how far it has to go: the database, busy with it, is not asked as well.
    const catchingUp = this.projections.catchUp();
    if (catchingUp) {
      const [database, replica] = await Promise.all([this.database(), this.replica()]);
      return { ready: false, database, projections: { status: 'catching-up', catchUp: catchingUp }, replica };
    }
    const [database, lag, replica] = await Promise.all([this.database(), within(this.lag.run(), PROBE_BUDGET_MS), this.replica()]);
    const replicaUp = replica === undefined || replica.status === 'up';
    if (!lag.ok) {
      const reason = lag.timedOut ? 'no answer from the database' : 'the database could not be read';
      const catchUp = this.projections.catchUp();
      return { ready: false, database, projections: catchUp ? { status: 'catching-up', reason, catchUp } : { status: 'unknown', reason }, replica };
    }
    if (lag.value.events === 0) this.caughtUpSinceStart = true;
    const status = !this.caughtUpSinceStart ? 'catching-up' : lag.value.events > MAX_READY_LAG_EVENTS ? 'behind' : 'ready';
    return { ready: database.status === 'up' && status === 'ready' && replicaUp, database, projections: { status, ...lag.value }, replica };
  }

  private async database(): Promise<DatabaseReport> {
    const ping = await within(this.ping.run(), PROBE_BUDGET_MS);
    return ping.ok ? { status: 'up' } : { status: 'down', reason: failureReason(ping) };
  }

  private async replica(): Promise<ReplicaReport | undefined> {
    if (!this.replicaLag) return undefined;
    const lag = await within(this.replicaLag.run(), PROBE_BUDGET_MS);
    return lag.ok ? { status: 'up', ...lag.value } : { status: 'down', reason: failureReason(lag) };
  }
}

function failureReason(outcome: { readonly timedOut: boolean; readonly error: unknown }): 'unavailable' | 'busy' | 'no answer' | 'error' {
  return outcome.timedOut ? 'no answer' : (classifyDatabaseFailure(outcome.error) ?? 'error');
}
