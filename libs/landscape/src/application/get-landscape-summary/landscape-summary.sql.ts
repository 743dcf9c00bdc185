/**
 * The whole landscape's figures on ($1 asOf, $2 knownAt) in one statement: the open practices' narrow columns are
 * found once through the bitemporal GiST index, then every figure aggregates that set. $3/$4 are the population
 * bands' lower and upper bounds (upper null for the top band).
 */
export const LANDSCAPE_SUMMARY_SQL = `
  WITH v AS MATERIALIZED (
    SELECT commissioner_code, contract_type, holder_kind, provider_kind, provider_id, trust_code, pcn_code,
           federations, partner_count, salaried_count, coalesce(registered_patients, 0)::bigint AS patients,
           single_handed, without_partners
      FROM landscape.practice_versions
     WHERE valid @> $1::date AND recorded @> $2::timestamptz AND status = 'open'
  ), providers AS (
    SELECT provider_kind, provider_id, sum(patients) AS patients
      FROM v WHERE provider_id IS NOT NULL GROUP BY provider_kind, provider_id
  )
  SELECT totals.*,
    (SELECT coalesce(json_object_agg(k, n ORDER BY k), '{}'::json)
       FROM (SELECT coalesce(commissioner_code, 'none') AS k, count(*)::integer AS n FROM v GROUP BY 1) s) AS by_commissioner,
    (SELECT coalesce(json_object_agg(k, n ORDER BY k), '{}'::json)
       FROM (SELECT coalesce(contract_type, 'none') AS k, count(*)::integer AS n FROM v GROUP BY 1) s) AS by_contract_type,
    (SELECT coalesce(json_object_agg(k, n ORDER BY k), '{}'::json)
       FROM (SELECT coalesce(holder_kind, 'none') AS k, count(*)::integer AS n FROM v GROUP BY 1) s) AS by_holder_kind,
    (SELECT coalesce(json_object_agg(k, n ORDER BY k), '{}'::json)
       FROM (SELECT trust_code AS k, count(*)::integer AS n FROM v WHERE trust_code IS NOT NULL GROUP BY 1) s) AS by_trust,
    (SELECT coalesce(json_object_agg(k, n ORDER BY k), '{}'::json)
       FROM (SELECT f AS k, count(*)::integer AS n FROM v, unnest(v.federations) AS f GROUP BY 1) s) AS by_federation,
    (SELECT count(*)::integer FROM providers) AS providers_total,
    (SELECT json_agg(json_build_object('min', b.min, 'max', b.max, 'providers', b.providers, 'registeredPatients', b.patients)
                     ORDER BY b.min)
       FROM (SELECT bounds.min, bounds.max, count(p.provider_id)::integer AS providers, coalesce(sum(p.patients), 0)::bigint AS patients
               FROM unnest($3::bigint[], $4::bigint[]) AS bounds(min, max)
               LEFT JOIN providers p ON p.patients >= bounds.min AND (bounds.max IS NULL OR p.patients < bounds.max)
              GROUP BY bounds.min, bounds.max) b) AS bands
  FROM (SELECT count(*)::integer AS open,
               coalesce(sum(partner_count), 0)::integer AS partners,
               coalesce(sum(salaried_count), 0)::integer AS salaried,
               (count(*) FILTER (WHERE single_handed))::integer AS single_handed,
               (count(*) FILTER (WHERE without_partners))::integer AS without_partners,
               (count(*) FILTER (WHERE trust_code IS NOT NULL))::integer AS subcontracted,
               (count(*) FILTER (WHERE cardinality(federations) > 0))::integer AS in_federation,
               (count(*) FILTER (WHERE pcn_code IS NOT NULL))::integer AS in_pcn,
               (count(DISTINCT pcn_code))::integer AS pcns,
               coalesce(sum(patients), 0)::bigint AS registered_patients
          FROM v) totals`;

export interface LandscapeSummaryRow {
  open: number;
  partners: number;
  salaried: number;
  single_handed: number;
  without_partners: number;
  subcontracted: number;
  in_federation: number;
  in_pcn: number;
  pcns: number;
  registered_patients: string;
  by_commissioner: Record<string, number>;
  by_contract_type: Record<string, number>;
  by_holder_kind: Record<string, number>;
  by_trust: Record<string, number>;
  by_federation: Record<string, number>;
  providers_total: number;
  bands: { min: number; max: number | null; providers: number; registeredPatients: number }[];
}
