import { PRACTICE_VERSIONS } from '../../schema/practice-versions.ddl.js';
import { validOnSql } from '../../schema/bitemporal-points.sql.js';
import { clampedKnownAtSql, isoInstantSql } from '../shared/read-time.sql.js';

/** Facts per returned row (~80 kB of JSON): each row's string stays under V8's 128 kB young-generation object limit. */
const FACTS_PER_ROW = 800;

/**
 * The knownAt answered for ($2 clamped to the stable horizon) and the summary facts of every practice open on $1
 * (asOf) as known then, as JSON array texts of up to FACTS_PER_ROW facts, one per row (one row with null facts when
 * there are none). Believed at K means recorded_from <= K < recorded_to; the two branches split that on whether
 * recorded_to is set, so each is answered by an index-only scan of its own summary index (see practice-versions.ddl.ts).
 */
export const LANDSCAPE_FACTS_SQL = `
  SELECT ${isoInstantSql('t.known_at')} AS known_at, chunk.facts
    FROM (SELECT ${clampedKnownAtSql('$2')} AS known_at) t
    LEFT JOIN LATERAL (
      SELECT '[' || string_agg(summary_facts, ',') || ']' AS facts
        FROM (SELECT summary_facts, row_number() OVER () AS n
                FROM (SELECT summary_facts FROM ${PRACTICE_VERSIONS}
                       WHERE ${validOnSql('$1')} AND recorded_to IS NULL AND recorded_from <= t.known_at AND status = 'open'
                      UNION ALL
                      SELECT summary_facts FROM ${PRACTICE_VERSIONS}
                       WHERE valid @> $1::date AND recorded_to IS NOT NULL AND recorded @> t.known_at AND status = 'open') open_versions
             ) numbered
       GROUP BY n / ${FACTS_PER_ROW}
    ) chunk ON true`;
