import { CHECKPOINTS_TABLE, PRACTICE_VERSIONS_TABLE, qualified } from '../../schema/practice-versions.ddl.js';
import { TREND_DELTAS_TABLE } from '../../schema/trend-deltas.ddl.js';
import { clampedKnownAtSql, isoInstantSql } from '../shared/read-time.sql.js';

/**
 * The national trend from the trend read model (migration 1763856900000): each figure's changes summed per date
 * position, for the API to add up into running totals. $1: the dates (ascending date[]), $2: the requested knownAt.
 *
 * A change on day v counts from the first date on or after v: position width_bucket(v - 1, dates), the number of dates
 * before v. The read model holds the current belief, which is the belief at knownAt exactly when nothing was recorded
 * after knownAt (every version's recorded bounds are instants of applied events, none after recorded_through): `current`
 * says so, read in the same statement (one snapshot) as the changes. Otherwise the caller reads the versions instead.
 */
export const NATIONAL_TREND_SQL = `
  WITH t AS (SELECT ${clampedKnownAtSql('$2')} AS known_at)
  SELECT ${isoInstantSql('t.known_at')} AS known_at,
    coalesce((SELECT date_trunc('milliseconds', recorded_through) <= t.known_at FROM ${qualified(CHECKPOINTS_TABLE)}
               WHERE name = '${PRACTICE_VERSIONS_TABLE}'), true) AS current,
    (SELECT json_agg(json_build_array(figure, key, point, delta))
       FROM (SELECT figure, key, width_bucket(valid_on - 1, $1::date[]) AS point, sum(delta) AS delta
               FROM ${qualified(TREND_DELTAS_TABLE)} WHERE valid_on <= ($1::date[])[cardinality($1::date[])]
              GROUP BY 1, 2, 3) changes) AS changes
    FROM t`;
