import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { encodeCursor, type LogCursor } from '#event-store';
import { PG_POOL, READ_POOL } from '#platform';
import { readCheckpoint } from '../projector/checkpoint-store.js';
import { PRACTICE_VERSIONS_TABLE } from '../schema/practice-versions.ddl.js';
import { SharedPositionWait } from './shared-position-wait.js';

/** A replica replays a committed step within milliseconds on a healthy link; one read of it per interval per process. */
const REPLAY_POLL_MS = 25;

// A type alias (not an interface) so it is assignable to a health report's details record.
export type ReplicaLag = {
  /** False when READ_DATABASE_URL names a server that is not replaying a primary (reads then come from a copy). */
  readonly standby: boolean;
  /** WAL the replica has yet to replay, in bytes; null when it is no standby. */
  readonly bytesBehind: number | null;
  /** How long ago the replica replayed its last transaction while WAL is waiting; 0 when it has replayed everything. */
  readonly ms: number;
  /** Events the primary's landscape projection has applied that the replica's copy of it has not yet replayed. */
  readonly projectionEventsBehind: number;
  /** How far a read with `minPosition` on the replica is answered at once: an opaque position, null before any. */
  readonly position: string | null;
};

interface ReplayRow {
  standby: boolean;
  replayed: string | null;
  since_last_replay_ms: string | null;
}

/**
 * The landscape projection as a streaming replica holds it (SPEC §11). The replica's copy of the projection checkpoint
 * is replayed in the same transaction as the rows it describes, so once it shows a write's position the replica's
 * reads include that write: that is what `minPosition` waits for there.
 */
@Injectable()
export class ReplicaProjection {
  private readonly replayed: SharedPositionWait;

  constructor(
    @Inject(PG_POOL) private readonly primary: pg.Pool,
    @Inject(READ_POOL) private readonly replica: pg.Pool,
  ) {
    this.replayed = new SharedPositionWait(async () => (await readCheckpoint(replica, PRACTICE_VERSIONS_TABLE)).horizonCursor, REPLAY_POLL_MS);
  }

  /** True when the landscape reads are served by a replica (READ_DATABASE_URL), not by the primary itself. */
  get configured(): boolean {
    return this.replica !== this.primary;
  }

  /** True once the replica has replayed the projection step that made `position` readable (within `timeoutMs`). */
  waitForPosition(position: LogCursor, timeoutMs: number): Promise<boolean> {
    return this.replayed.waitFor(position, timeoutMs);
  }

  async lag(): Promise<ReplicaLag> {
    const [replay, primaryLsn, ours, theirs] = await Promise.all([
      this.replica.query<ReplayRow>(
        `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed,
                (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::bigint AS since_last_replay_ms`,
      ),
      this.primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn'),
      readCheckpoint(this.primary, PRACTICE_VERSIONS_TABLE),
      readCheckpoint(this.replica, PRACTICE_VERSIONS_TABLE),
    ]);
    const { standby, replayed, since_last_replay_ms: sinceLastReplay } = replay.rows[0];
    const bytesBehind = standby && replayed !== null ? Math.max(0, Number(lsnBytes(primaryLsn.rows[0].lsn) - lsnBytes(replayed))) : null;
    return {
      standby,
      bytesBehind,
      ms: bytesBehind !== null && bytesBehind > 0 && sinceLastReplay !== null ? Math.max(0, Number(sinceLastReplay)) : 0,
      projectionEventsBehind: Math.max(0, ours.eventsApplied - theirs.eventsApplied),
      position: theirs.horizonCursor ? encodeCursor(theirs.horizonCursor) : null,
    };
  }
}

/** A WAL location ('16/B374D848') as a byte offset. */
function lsnBytes(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}
