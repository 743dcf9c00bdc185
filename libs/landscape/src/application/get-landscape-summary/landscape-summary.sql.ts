import { PRACTICE_VERSIONS_TABLE, qualified } from '../../schema/practice-versions.ddl.js';

const versions = qualified(PRACTICE_VERSIONS_TABLE);

/**
 * The summary facts of every practice open on $1 (asOf) as known at $2 (knownAt), as one JSON array text (null when
 * there are none). Believed at $2 means recorded_from <= $2 < recorded_to; the two branches split that on whether
 * recorded_to is set, so each is answered by an index-only scan of its own summary index (see practice-versions.ddl.ts).
 */
export const LANDSCAPE_FACTS_SQL = `
  SELECT '[' || string_agg(summary_facts, ',') || ']' AS facts
    FROM (SELECT summary_facts FROM ${versions}
           WHERE valid @> $1::date AND recorded_to IS NULL AND recorded_from <= $2::timestamptz AND status = 'open'
          UNION ALL
          SELECT summary_facts FROM ${versions}
           WHERE valid @> $1::date AND recorded_to IS NOT NULL AND recorded @> $2::timestamptz AND status = 'open') open_versions`;
