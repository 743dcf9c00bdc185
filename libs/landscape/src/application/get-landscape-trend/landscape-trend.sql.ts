import { PRACTICE_VERSIONS } from '../../schema/practice-versions.ddl.js';
import { clampedKnownAtSql, isoInstantSql } from '../shared/read-time.sql.js';

/**
 * The whole trend in one statement and one pass over the version rows. $1: the dates (ascending date[]), $2: the
 * requested knownAt, $3: commissioner codes (text[], null for all), $4: the population bands' lower bounds (bigint[],
 * starting at 0).
 *
 * Each open version believed at the clamped knownAt (recorded_from <= K < recorded_to, as the summary) counts at the
 * dates it is valid on: with the dates sorted, those are the positions [first_point, end_point), found by binary
 * search (width_bucket over an array counts the entries <= its operand; dates are whole days, so "< d" is "<= d - 1").
 * About half the versions fall between two dates and are left out before expanding (on the national history, 605,000
 * of 1.2 M for 100 quarters). Expanding the others to their positions gives each (point, version) row once, aggregated
 * per point below: the figures, counts by contract type and by trust, and the providers' populations (a provider is
 * kind and id, its population the sum over its open practices) banded as the summary bands them. Points are 0-based
 * positions in $1.
 */
export const LANDSCAPE_TREND_SQL = `
  WITH t AS (SELECT ${clampedKnownAtSql('$2')} AS known_at),
  covering AS (
    SELECT width_bucket(v.valid_from - 1, $1::date[]) AS first_point,
           CASE WHEN v.valid_to IS NULL THEN cardinality($1::date[]) ELSE width_bucket(v.valid_to - 1, $1::date[]) END AS end_point,
           v.contract_type, v.trust_code, v.provider_kind, v.provider_id, v.pcn_code, v.federations,
           v.partner_count, v.salaried_count, v.registered_patients, v.single_handed, v.without_partners
      FROM ${PRACTICE_VERSIONS} v, t
     WHERE v.status = 'open'
       AND v.recorded_from <= t.known_at AND (v.recorded_to IS NULL OR v.recorded_to > t.known_at)
       AND v.valid_from <= ($1::date[])[cardinality($1::date[])] AND (v.valid_to IS NULL OR v.valid_to > ($1::date[])[1])
       AND ($3::text[] IS NULL OR v.commissioner_code = ANY ($3::text[]))
  ),
  at_point AS MATERIALIZED (
    SELECT point, c.* FROM covering c, generate_series(c.first_point, c.end_point - 1) AS point
     WHERE c.first_point < c.end_point
  )
  SELECT ${isoInstantSql('t.known_at')} AS known_at,
    (SELECT json_agg(json_build_array(point, open, partners, salaried, subcontracted, in_federation, in_pcn,
                                      single_handed, without_partners, registered_patients))
       FROM (SELECT point, count(*) AS open, sum(partner_count) AS partners, sum(salaried_count) AS salaried,
                    count(trust_code) AS subcontracted, count(*) FILTER (WHERE federations <> '{}') AS in_federation,
                    count(pcn_code) AS in_pcn, count(*) FILTER (WHERE single_handed) AS single_handed,
                    count(*) FILTER (WHERE without_partners) AS without_partners,
                    coalesce(sum(registered_patients), 0) AS registered_patients
               FROM at_point GROUP BY point) totals) AS totals,
    (SELECT json_agg(json_build_array(point, contract_type, n))
       FROM (SELECT point, coalesce(contract_type, 'none') AS contract_type, count(*) AS n FROM at_point GROUP BY 1, 2) counts) AS by_contract_type,
    (SELECT json_agg(json_build_array(point, trust_code, n))
       FROM (SELECT point, trust_code, count(*) AS n FROM at_point WHERE trust_code IS NOT NULL GROUP BY 1, 2) counts) AS by_trust,
    (SELECT json_agg(json_build_array(point, band, providers, population))
       FROM (SELECT point, width_bucket(population, $4::bigint[]) - 1 AS band, count(*) AS providers, sum(population) AS population
               FROM (SELECT point, coalesce(sum(registered_patients), 0) AS population FROM at_point
                      WHERE provider_id IS NOT NULL GROUP BY point, coalesce(provider_kind, 'none'), provider_id) providers
              GROUP BY 1, 2) bands) AS by_band
    FROM t`;

/**
 * Settings for the trend's transaction. The planner cannot know how many dates a version covers (generate_series over
 * columns: it assumes 1,000), so it costs the statement at about 10^8 and compiles it with JIT, which took 0.8 s of a
 * 4.5 s national trend of 100 quarters and saves nothing on a statement that runs once.
 */
export const TREND_SETTINGS_SQL = 'SET LOCAL jit = off';
