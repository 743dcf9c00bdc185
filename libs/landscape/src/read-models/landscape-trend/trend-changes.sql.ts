import { recordedWithinSql } from '../../schema/bitemporal-points.sql.js';
import { PRACTICE_VERSIONS } from '../../schema/practice-versions.ddl.js';

export const TREND_FOLD = 'landscape.trend_fold';
export const TREND_DELTAS = 'landscape.trend_deltas';
export const TREND_PROVIDER_PRACTICES = 'landscape.trend_provider_practices';

/** The expression the versions table's `last_recorded` index is keyed by: when a row last changed in recorded time. */
export const LAST_RECORDED_SQL = 'greatest(recorded_from, recorded_to)';

/** SQL placeholders (or expressions) of the two beliefs compared and the band bounds, as each statement numbers them. */
export interface ChangeParams {
  /** The folded instant F (timestamptz), or null to derive from nothing. */
  readonly foldedThrough: string | null;
  /** The instant K >= F whose belief is wanted (timestamptz). */
  readonly knownAt: string;
  /** The population bands' lower bounds (bigint[], starting at 0). */
  readonly bandMins: string;
}

const believedAt = (instant: string, alias = 'v.') =>
  `(${alias}recorded_from <= ${instant} AND (${alias}recorded_to IS NULL OR ${alias}recorded_to > ${instant}))`;

/**
 * CTEs (to follow a WITH) giving `trend_changes (figure, key, valid_on, delta)`: what the national trend's figures
 * change by, date by date, from the belief at F to the belief at K >= F; from nothing when F is null, which is the
 * whole model. A figure at a date is the sum of its changes on or before that date. Also `signed`: the open versions
 * that became believed (+1) or stopped being believed (-1) between F and K: those that last changed in recorded time
 * within (F, K] (the `last_recorded` index) and those recorded within it and closed after K (the bitemporal index).
 *
 * A provider's population band is not a sum over versions, so each provider touched is banded again over time in both
 * beliefs and the difference kept. Only from `since`, its earliest changed date: before it both beliefs agree, so its
 * versions that ended before then are left out (on both sides alike) and the others give the population the day before.
 * The versions believed at both instants are read by practice, for every practice the provider had in a folded belief
 * (`trend_provider_practices`).
 */
export function trendChangesCtes(p: ChangeParams): string {
  const F = p.foldedThrough;
  const K = p.knownAt;
  const columns = `v.ods_code, v.valid_from, v.valid_to, v.contract_type, v.trust_code, v.pcn_code IS NOT NULL AS in_pcn,
           v.federations <> '{}' AS in_federation, v.partner_count, v.salaried_count, coalesce(v.registered_patients, 0) AS patients,
           v.single_handed, v.without_partners, coalesce(v.provider_kind, 'none') AS provider_kind, v.provider_id`;
  const signed =
    F === null
      ? `SELECT ${columns}, 1 AS sign FROM ${PRACTICE_VERSIONS} v WHERE v.status = 'open' AND ${believedAt(K)}`
      : `SELECT * FROM (
           SELECT ${columns}, ${believedAt(K)}::int - ${believedAt(F)}::int AS sign
             FROM ${PRACTICE_VERSIONS} v
            WHERE ${LAST_RECORDED_SQL} > ${F} AND ${LAST_RECORDED_SQL} <= ${K} AND v.status = 'open'
           UNION ALL
           SELECT ${columns}, 1 FROM ${PRACTICE_VERSIONS} v
            WHERE ${recordedWithinSql(F, K)} AND v.recorded_to IS NOT NULL AND v.status = 'open') c
          WHERE sign <> 0`;
  // Believed at both F and K (K >= F).
  const believedThroughout = F === null ? 'false' : `v.recorded_from <= ${F} AND (v.recorded_to IS NULL OR v.recorded_to > ${K})`;
  return `
  signed AS MATERIALIZED (${signed}),
  edges AS (
    SELECT sign, valid_from AS valid_on, contract_type, trust_code, in_pcn, in_federation, partner_count, salaried_count, patients,
           single_handed, without_partners FROM signed
    UNION ALL
    SELECT -sign, valid_to, contract_type, trust_code, in_pcn, in_federation, partner_count, salaried_count, patients,
           single_handed, without_partners FROM signed WHERE valid_to IS NOT NULL),
  figures AS (
    SELECT valid_on, coalesce(contract_type, 'none') AS contract_type, trust_code,
           GROUPING(coalesce(contract_type, 'none'), trust_code) AS grouped_out,
           sum(sign) AS open, sum(sign * partner_count) AS partners, sum(sign * salaried_count) AS salaried,
           sum(sign) FILTER (WHERE trust_code IS NOT NULL) AS subcontracted, sum(sign) FILTER (WHERE in_federation) AS in_federation,
           sum(sign) FILTER (WHERE in_pcn) AS in_pcn, sum(sign) FILTER (WHERE single_handed) AS single_handed,
           sum(sign) FILTER (WHERE without_partners) AS without_partners, sum(sign * patients) AS registered_patients
      FROM edges GROUP BY GROUPING SETS ((valid_on), (valid_on, coalesce(contract_type, 'none')), (valid_on, trust_code))),
  affected AS (
    SELECT provider_kind, provider_id, min(valid_from) AS since FROM signed WHERE provider_id IS NOT NULL GROUP BY 1, 2),
  kept AS (
    SELECT a.provider_kind, a.provider_id, v.valid_from, v.valid_to, coalesce(v.registered_patients, 0) AS patients
      FROM affected a
      JOIN ${TREND_PROVIDER_PRACTICES} pp ON (pp.provider_kind, pp.provider_id) = (a.provider_kind, a.provider_id)
      CROSS JOIN LATERAL (
        (SELECT * FROM ${PRACTICE_VERSIONS} v WHERE v.ods_code = pp.ods_code AND v.valid_from >= a.since AND ${believedThroughout})
        UNION ALL
        (SELECT * FROM ${PRACTICE_VERSIONS} v WHERE v.ods_code = pp.ods_code AND v.valid_from < a.since AND ${believedThroughout}
          ORDER BY v.valid_from DESC LIMIT 1)) v
     WHERE v.status = 'open' AND coalesce(v.provider_kind, 'none') = a.provider_kind AND v.provider_id = a.provider_id
       AND (v.valid_to IS NULL OR v.valid_to >= a.since)),
  members AS (
    SELECT t.timeline, k.provider_kind, k.provider_id, k.valid_from, k.valid_to, k.patients FROM kept k, (VALUES (1), (-1)) t(timeline)
    UNION ALL
    SELECT sign, provider_kind, provider_id, valid_from, valid_to, patients FROM signed WHERE provider_id IS NOT NULL),
  provider_days AS (
    SELECT timeline, provider_kind, provider_id, valid_on, sum(patients) AS patients, sum(practices) AS practices
      FROM (SELECT timeline, provider_kind, provider_id, valid_from AS valid_on, patients, 1 AS practices FROM members
            UNION ALL
            SELECT timeline, provider_kind, provider_id, valid_to, -patients, -1 FROM members WHERE valid_to IS NOT NULL) e
     GROUP BY 1, 2, 3, 4),
  running AS (
    SELECT timeline, provider_kind, provider_id, valid_on,
           (sum(patients) OVER w)::bigint AS population, sum(practices) OVER w AS practices
      FROM provider_days WINDOW w AS (PARTITION BY timeline, provider_kind, provider_id ORDER BY valid_on)),
  stepped AS (
    SELECT timeline, valid_on, population, practices,
           lag(population) OVER w AS population_before, coalesce(lag(practices) OVER w, 0) AS practices_before
      FROM running WINDOW w AS (PARTITION BY timeline, provider_kind, provider_id ORDER BY valid_on)),
  bands AS (
    SELECT valid_on, (width_bucket(population, ${p.bandMins}) - 1)::text AS band, timeline AS providers, timeline * population AS population
      FROM stepped WHERE practices > 0
    UNION ALL
    SELECT valid_on, (width_bucket(population_before, ${p.bandMins}) - 1)::text, -timeline, -timeline * population_before
      FROM stepped WHERE practices_before > 0),
  trend_changes AS (
    SELECT c.figure, c.key, c.valid_on, c.delta::bigint AS delta
      FROM (SELECT f.valid_on, x.figure, x.key, x.delta FROM figures f CROSS JOIN LATERAL (VALUES
              ('open', '', f.open), ('partners', '', f.partners), ('salaried', '', f.salaried), ('subcontracted', '', f.subcontracted),
              ('in_federation', '', f.in_federation), ('in_pcn', '', f.in_pcn), ('single_handed', '', f.single_handed),
              ('without_partners', '', f.without_partners), ('registered_patients', '', f.registered_patients)) x(figure, key, delta)
             WHERE f.grouped_out = 3
            UNION ALL
            SELECT valid_on, 'contract_type', contract_type, open FROM figures WHERE grouped_out = 1
            UNION ALL
            SELECT valid_on, 'trust', trust_code, open FROM figures WHERE grouped_out = 2 AND trust_code IS NOT NULL
            UNION ALL
            SELECT valid_on, x.figure, b.band, x.delta
              FROM (SELECT valid_on, band, sum(providers) AS providers, sum(population) AS population FROM bands GROUP BY 1, 2) b
              CROSS JOIN LATERAL (VALUES ('band_providers', b.providers), ('band_population', b.population)) x(figure, delta)) c
     WHERE c.delta <> 0)`;
}
