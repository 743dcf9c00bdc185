import { EVENT_COLUMNS, EVENT_COLUMNS_WITHOUT_METADATA, ISO_MILLIS_FORMAT } from './event-row.js';

/**
 * Reading the whole log in commit-safe order, and the stable horizon, in ONE statement (one snapshot).
 *
 * Why not "position > cursor"? Positions are taken from a sequence when a row is inserted, not when its transaction
 * commits: a slow transaction can commit position 10 after position 11 was read, and a reader following positions
 * would skip 10 for ever. So readers follow (transaction_id, position) and only read rows whose transaction is older
 * than every transaction still in flight (transaction_id < xmin of the snapshot). Every transaction that later
 * commits has an id >= that xmin, so it lands after the cursor: nothing is skipped, nothing is read twice.
 *
 * The stable horizon H is an instant such that every event with recordedAt <= H has already been returned (or lies
 * before the cursor). The argument:
 *  - an appender gets its transaction id BEFORE it reads recordedAt (event_store.append_events reads the clock after
 *    moving the streams, which assigns the id), and ids are handed out in order; so an event whose transaction id is
 *    >= X was recorded after the moment X was handed out, which is after the xact_start of the transaction holding X;
 *  - an id handed out after our snapshot belongs to an event recorded after our snapshot, hence after `clock`, which
 *    is now() = the start of this statement's (implicit) transaction, taken before its snapshot. (statement_timestamp()
 *    would NOT do: with the extended protocol it is reset at Execute, after Bind took the snapshot.)
 *  - so, if xmin < xmax: H = least(clock, xact_start of the session holding xid xmin), found through
 *    pg_stat_activity.backend_xid; if that session cannot be seen (ended meanwhile, or hidden by privileges), H is
 *    unknown (null);
 *  - if xmin = xmax, no id below xmax is in flight, but id xmax itself may already be handed out and in flight
 *    (xmax is "latest completed + 1"). age(xmax) = next id - xmax tells: 0 means not handed out (H = clock); else
 *    the session holding xmax decides as above.
 * recordedAt has millisecond precision (truncated), so H is truncated to milliseconds and one millisecond is taken
 * off: recordedAt <= H then implies the true instant was strictly before the bound.
 * On the embedded database (one session) nothing else is in flight while this statement runs: xmin = xmax and
 * age = 0, so H = clock without needing pg_stat_activity.
 *
 * Parameters: $1 cursor transaction id (xid8), $2 cursor position (bigint), $3 number of rows wanted.
 * One row comes back even when the page is empty (event columns null) so the horizon always arrives.
 * READ_ALL_SQL reads every column of the events, READ_ALL_WITHOUT_METADATA_SQL all but their metadata.
 */
const HORIZON_CTES = `
snapshot AS MATERIALIZED (
  SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin,
         pg_snapshot_xmax(pg_current_snapshot()) AS xmax,
         now() AS clock
),
horizon AS MATERIALIZED (
  SELECT CASE
           WHEN s.xmin = s.xmax AND age(xid(s.xmax)) <= 0 THEN s.clock
           ELSE (SELECT least(s.clock, a.xact_start)
                   FROM pg_stat_activity a
                  WHERE a.backend_xid = xid(s.xmin)
                  LIMIT 1)
         END AS instant
    FROM snapshot s
)`;

const HORIZON_AS_TEXT = `to_char((date_trunc('milliseconds', h.instant) - interval '1 millisecond') AT TIME ZONE 'UTC',
               ${ISO_MILLIS_FORMAT})`;

const readAllSql = (columns: string) => `
WITH ${HORIZON_CTES},
page AS (
  SELECT ${columns},
         e.transaction_id AS order_transaction_id,
         e.position AS order_position
    FROM event_store.events e
   WHERE e.transaction_id < (SELECT xmin FROM snapshot)
     AND (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
   ORDER BY e.transaction_id, e.position
   LIMIT $3
)
SELECT ${HORIZON_AS_TEXT} AS stable_horizon,
       p.*
  FROM horizon h
  LEFT JOIN page p ON true
 ORDER BY p.order_transaction_id, p.order_position`;

export const READ_ALL_SQL = readAllSql(EVENT_COLUMNS);
export const READ_ALL_WITHOUT_METADATA_SQL = readAllSql(EVENT_COLUMNS_WITHOUT_METADATA);

/** The horizon alone, by the same reasoning. */
export const STABLE_HORIZON_SQL = `
WITH ${HORIZON_CTES}
SELECT ${HORIZON_AS_TEXT} AS stable_horizon
  FROM horizon h`;

/**
 * How far a reader at a cursor is behind: the readable events after it (counted up to $3) and the oldest one's
 * recordedAt, without fetching the events themselves (health checks ask this often).
 */
export const BACKLOG_SQL = `
SELECT count(*)::int AS events, min(b.recorded_at) AS oldest_recorded_at
  FROM (SELECT e.recorded_at
          FROM event_store.events e
         WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           AND (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
         ORDER BY e.transaction_id, e.position
         LIMIT $3) b`;
