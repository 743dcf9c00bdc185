import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * landscape.apply_projection_step as migration 1763856700000 made it, and the same function with its closes as two
 * statements (the deletes of rows never believed, then the updates). A statement that both deletes and updates fires
 * both statement triggers only once it has done both, so the first to run would see the table changed by the other as
 * well; the trend's fold of a provider sharing practices reads the table and would count the other change twice.
 */
const APPLY_STEP_ONE_CLOSING_STATEMENT = `
CREATE OR REPLACE FUNCTION landscape.apply_projection_step(
  target text, version_if_new int, expected_checkpoint jsonb, next_checkpoint jsonb,
  close_ods_codes text[], close_valid_froms date[], close_ats timestamptz[], inserts jsonb)
RETURNS boolean
LANGUAGE plpgsql
-- Each close is one probe of the current-belief index. Statistics of a table growing fast (a rebuild's shadow) can say
-- a few thousand believed rows where there are a million; a hash or merge join then reads them all (seen: 4.7 s).
SET enable_hashjoin = off
SET enable_mergejoin = off
AS $fn$
DECLARE
  stored landscape.projection_checkpoints;
  wanted landscape.projection_checkpoints;
BEGIN
  IF target NOT IN ('practice_versions', 'practice_versions_next') THEN
    RAISE EXCEPTION 'apply_projection_step: % is not a practice-versions table', target;
  END IF;

  SELECT * INTO stored FROM landscape.projection_checkpoints c WHERE c.name = target FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO landscape.projection_checkpoints (name, projection_version) VALUES (target, version_if_new)
      ON CONFLICT (name) DO NOTHING;
    SELECT * INTO stored FROM landscape.projection_checkpoints c WHERE c.name = target FOR UPDATE;
  END IF;
  wanted := jsonb_populate_record(NULL::landscape.projection_checkpoints, expected_checkpoint);
  IF (stored.transaction_id, stored.position, stored.horizon_transaction_id, stored.horizon_position, stored.events_applied,
      date_trunc('milliseconds', stored.stable_horizon), date_trunc('milliseconds', stored.recorded_through))
     IS DISTINCT FROM
     (wanted.transaction_id, wanted.position, wanted.horizon_transaction_id, wanted.horizon_position, wanted.events_applied,
      wanted.stable_horizon, wanted.recorded_through) THEN
    RETURN false;
  END IF;
  -- Rows and checkpoint commit together and the log can always rebuild them: a crash may lose the last steps (applied
  -- again from the checkpoint), never half of one. So a step's commit need not wait for its WAL to reach the disk.
  PERFORM set_config('synchronous_commit', 'off', true);

  IF cardinality(close_ods_codes) > 0 THEN
    EXECUTE format(
      'WITH closing AS (SELECT * FROM unnest($1, $2, $3) AS c(ods_code, valid_from, at)),
            deleted AS (DELETE FROM landscape.%1$I t USING closing c
                         WHERE t.ods_code = c.ods_code AND t.valid_from = c.valid_from AND t.recorded_to IS NULL
                           AND t.recorded_from >= c.at)
       UPDATE landscape.%1$I t SET recorded_to = c.at FROM closing c
        WHERE t.ods_code = c.ods_code AND t.valid_from = c.valid_from AND t.recorded_to IS NULL
          AND t.recorded_from < c.at', target)
      USING close_ods_codes, close_valid_froms, close_ats;
  END IF;

  IF jsonb_array_length(inserts) > 0 THEN
    EXECUTE format(
      'INSERT INTO landscape.%1$I (ods_code, valid_from, valid_to, recorded_from, recorded_to, status, name,
         commissioner_code, contract_type, holder_kind, holder_id, provider_kind, provider_id, provider_name, trust_code,
         pcn_code, federations, partner_count, salaried_count, registered_patients, single_handed, without_partners,
         summary_facts, state)
       SELECT ods_code, valid_from, valid_to, recorded_from, recorded_to, status, name,
         commissioner_code, contract_type, holder_kind, holder_id, provider_kind, provider_id, provider_name, trust_code,
         pcn_code, federations, partner_count, salaried_count, registered_patients, single_handed, without_partners,
         summary_facts, state
         FROM jsonb_to_recordset($1) AS r(ods_code text, valid_from date, valid_to date, recorded_from timestamptz,
           recorded_to timestamptz, status text, name text, commissioner_code text, contract_type text, holder_kind text,
           holder_id text, provider_kind text, provider_id text, provider_name text, trust_code text, pcn_code text,
           federations text[], partner_count integer, salaried_count integer, registered_patients integer,
           single_handed boolean, without_partners boolean, summary_facts text, state jsonb)', target)
      USING inserts;
  END IF;

  wanted := jsonb_populate_record(NULL::landscape.projection_checkpoints, next_checkpoint);
  UPDATE landscape.projection_checkpoints c
     SET transaction_id = wanted.transaction_id, position = wanted.position,
         stable_horizon = wanted.stable_horizon, recorded_through = wanted.recorded_through,
         horizon_transaction_id = wanted.horizon_transaction_id, horizon_position = wanted.horizon_position,
         events_applied = wanted.events_applied, updated_at = now()
   WHERE c.name = target;
  -- Wakes reads waiting for a position in processes that do not project themselves (delivered on commit).
  IF target = 'practice_versions' THEN
    PERFORM pg_notify('landscape_projection_advanced', '');
  END IF;
  RETURN true;
END
$fn$`;

const APPLY_STEP_SPLIT_CLOSES = `
CREATE OR REPLACE FUNCTION landscape.apply_projection_step(
  target text, version_if_new int, expected_checkpoint jsonb, next_checkpoint jsonb,
  close_ods_codes text[], close_valid_froms date[], close_ats timestamptz[], inserts jsonb)
RETURNS boolean
LANGUAGE plpgsql
-- Each close is one probe of the current-belief index. Statistics of a table growing fast (a rebuild's shadow) can say
-- a few thousand believed rows where there are a million; a hash or merge join then reads them all (seen: 4.7 s).
SET enable_hashjoin = off
SET enable_mergejoin = off
AS $fn$
DECLARE
  stored landscape.projection_checkpoints;
  wanted landscape.projection_checkpoints;
BEGIN
  IF target NOT IN ('practice_versions', 'practice_versions_next') THEN
    RAISE EXCEPTION 'apply_projection_step: % is not a practice-versions table', target;
  END IF;

  SELECT * INTO stored FROM landscape.projection_checkpoints c WHERE c.name = target FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO landscape.projection_checkpoints (name, projection_version) VALUES (target, version_if_new)
      ON CONFLICT (name) DO NOTHING;
    SELECT * INTO stored FROM landscape.projection_checkpoints c WHERE c.name = target FOR UPDATE;
  END IF;
  wanted := jsonb_populate_record(NULL::landscape.projection_checkpoints, expected_checkpoint);
  IF (stored.transaction_id, stored.position, stored.horizon_transaction_id, stored.horizon_position, stored.events_applied,
      date_trunc('milliseconds', stored.stable_horizon), date_trunc('milliseconds', stored.recorded_through))
     IS DISTINCT FROM
     (wanted.transaction_id, wanted.position, wanted.horizon_transaction_id, wanted.horizon_position, wanted.events_applied,
      wanted.stable_horizon, wanted.recorded_through) THEN
    RETURN false;
  END IF;
  -- Rows and checkpoint commit together and the log can always rebuild them: a crash may lose the last steps (applied
  -- again from the checkpoint), never half of one. So a step's commit need not wait for its WAL to reach the disk.
  PERFORM set_config('synchronous_commit', 'off', true);

  IF cardinality(close_ods_codes) > 0 THEN
    -- Two statements, so each of the trend's statement triggers sees the table as its own change left it.
    EXECUTE format(
      'DELETE FROM landscape.%1$I t USING unnest($1, $2, $3) AS c(ods_code, valid_from, at)
        WHERE t.ods_code = c.ods_code AND t.valid_from = c.valid_from AND t.recorded_to IS NULL
          AND t.recorded_from >= c.at', target)
      USING close_ods_codes, close_valid_froms, close_ats;
    EXECUTE format(
      'UPDATE landscape.%1$I t SET recorded_to = c.at FROM unnest($1, $2, $3) AS c(ods_code, valid_from, at)
        WHERE t.ods_code = c.ods_code AND t.valid_from = c.valid_from AND t.recorded_to IS NULL
          AND t.recorded_from < c.at', target)
      USING close_ods_codes, close_valid_froms, close_ats;
  END IF;

  IF jsonb_array_length(inserts) > 0 THEN
    EXECUTE format(
      'INSERT INTO landscape.%1$I (ods_code, valid_from, valid_to, recorded_from, recorded_to, status, name,
         commissioner_code, contract_type, holder_kind, holder_id, provider_kind, provider_id, provider_name, trust_code,
         pcn_code, federations, partner_count, salaried_count, registered_patients, single_handed, without_partners,
         summary_facts, state)
       SELECT ods_code, valid_from, valid_to, recorded_from, recorded_to, status, name,
         commissioner_code, contract_type, holder_kind, holder_id, provider_kind, provider_id, provider_name, trust_code,
         pcn_code, federations, partner_count, salaried_count, registered_patients, single_handed, without_partners,
         summary_facts, state
         FROM jsonb_to_recordset($1) AS r(ods_code text, valid_from date, valid_to date, recorded_from timestamptz,
           recorded_to timestamptz, status text, name text, commissioner_code text, contract_type text, holder_kind text,
           holder_id text, provider_kind text, provider_id text, provider_name text, trust_code text, pcn_code text,
           federations text[], partner_count integer, salaried_count integer, registered_patients integer,
           single_handed boolean, without_partners boolean, summary_facts text, state jsonb)', target)
      USING inserts;
  END IF;

  wanted := jsonb_populate_record(NULL::landscape.projection_checkpoints, next_checkpoint);
  UPDATE landscape.projection_checkpoints c
     SET transaction_id = wanted.transaction_id, position = wanted.position,
         stable_horizon = wanted.stable_horizon, recorded_through = wanted.recorded_through,
         horizon_transaction_id = wanted.horizon_transaction_id, horizon_position = wanted.horizon_position,
         events_applied = wanted.events_applied, updated_at = now()
   WHERE c.name = target;
  -- Wakes reads waiting for a position in processes that do not project themselves (delivered on commit).
  IF target = 'practice_versions' THEN
    PERFORM pg_notify('landscape_projection_advanced', '');
  END IF;
  RETURN true;
END
$fn$`;

/**
 * The changes of one statement on a versions table folded into its trend model: the figures' changes at the versions'
 * ends, providers' bands, then which practices each provider has. Static statements, so a session plans them once
 * (planned afresh at every step they took longer than they ran). %1$s: the changes; %2$s: the versions table;
 * %3$s: the deltas; %4$s: the provider practices.
 */
const FOLD_FIGURES = `
WITH changed AS (
  SELECT sign, ods_code, valid_from, valid_to, contract_type, trust_code, pcn_code IS NOT NULL AS in_pcn,
         federations <> '{}' AS in_federation, partner_count, salaried_count, coalesce(registered_patients, 0) AS patients,
         single_handed, without_partners, coalesce(provider_kind, 'none') AS provider_kind, provider_id
    FROM (%1$s) c WHERE recorded_to IS NULL AND status = 'open'),
edges AS (
  SELECT sign, valid_from AS valid_on, contract_type, trust_code, in_pcn, in_federation, partner_count, salaried_count, patients,
         single_handed, without_partners, provider_kind, provider_id FROM changed
  UNION ALL
  SELECT -sign, valid_to, contract_type, trust_code, in_pcn, in_federation, partner_count, salaried_count, patients,
         single_handed, without_partners, provider_kind, provider_id FROM changed WHERE valid_to IS NOT NULL),
counted AS (
  SELECT provider_kind, provider_id, ods_code, sum(sign) AS versions FROM changed WHERE provider_id IS NOT NULL GROUP BY 1, 2, 3),
touched AS (
  SELECT t.provider_kind, t.provider_id,
         count(*) FILTER (WHERE coalesce(p.versions, 0) > 0) AS before,
         count(*) FILTER (WHERE coalesce(p.versions, 0) + coalesce(c.versions, 0) > 0) AS after
    FROM (SELECT DISTINCT provider_kind, provider_id FROM counted) t
    JOIN LATERAL (
      SELECT x.ods_code FROM counted x WHERE (x.provider_kind, x.provider_id) = (t.provider_kind, t.provider_id)
      UNION SELECT y.ods_code FROM %4$s y WHERE (y.provider_kind, y.provider_id) = (t.provider_kind, t.provider_id)) o ON true
    LEFT JOIN counted c ON (c.provider_kind, c.provider_id, c.ods_code) = (t.provider_kind, t.provider_id, o.ods_code)
    LEFT JOIN %4$s p ON (p.provider_kind, p.provider_id, p.ods_code) = (t.provider_kind, t.provider_id, o.ods_code)
   GROUP BY 1, 2),
shared AS (SELECT provider_kind, provider_id FROM touched WHERE before > 1 OR after > 1),
-- A provider with one practice at most is that practice's versions: each counts on its own, in its band.
own_bands AS (
  SELECT e.valid_on, width_bucket(e.patients, '{0,20000,100000}'::bigint[]) - 1 AS band, e.sign AS providers, e.sign * e.patients AS patients
    FROM edges e WHERE e.provider_id IS NOT NULL AND NOT EXISTS (SELECT FROM shared s WHERE (s.provider_kind, s.provider_id) = (e.provider_kind, e.provider_id))),
-- A provider sharing practices: its population over time now, and before (now less the changes), banded date by date
-- from "since", its earliest change (its bands before are unchanged): the versions of its practices that end on or
-- after it, and the population just before it.
shared_since AS (
  SELECT e.provider_kind, e.provider_id, min(e.valid_on) AS since
    FROM edges e JOIN shared s ON (s.provider_kind, s.provider_id) = (e.provider_kind, e.provider_id) GROUP BY 1, 2),
shared_practices AS (
  SELECT s.provider_kind, s.provider_id, s.since, p.ods_code
    FROM shared_since s JOIN %4$s p ON (p.provider_kind, p.provider_id) = (s.provider_kind, s.provider_id)
  UNION
  SELECT s.provider_kind, s.provider_id, s.since, c.ods_code
    FROM shared_since s JOIN counted c ON (c.provider_kind, c.provider_id) = (s.provider_kind, s.provider_id)),
shared_now AS (
  SELECT sp.provider_kind, sp.provider_id, sp.since, v.valid_from, v.valid_to, coalesce(v.registered_patients, 0) AS patients
    FROM shared_practices sp
    CROSS JOIN LATERAL (
      (SELECT * FROM %2$s v WHERE v.ods_code = sp.ods_code AND v.recorded_to IS NULL AND v.valid_from >= sp.since)
      UNION ALL
      (SELECT * FROM %2$s v WHERE v.ods_code = sp.ods_code AND v.recorded_to IS NULL AND v.valid_from < sp.since
        ORDER BY v.valid_from DESC LIMIT 1)) v
   WHERE v.status = 'open' AND coalesce(v.provider_kind, 'none') = sp.provider_kind AND v.provider_id = sp.provider_id
     AND (v.valid_to IS NULL OR v.valid_to >= sp.since)),
shared_base AS (
  SELECT s.provider_kind, s.provider_id,
         coalesce(sum(n.patients) FILTER (WHERE n.valid_from < s.since), 0) AS patients,
         count(n.valid_from) FILTER (WHERE n.valid_from < s.since) AS practices
    FROM shared_since s LEFT JOIN shared_now n ON (n.provider_kind, n.provider_id) = (s.provider_kind, s.provider_id)
   GROUP BY 1, 2),
shared_changes AS (
  SELECT t.timeline, n.provider_kind, n.provider_id, n.valid_from AS valid_on, n.patients, 1 AS practices
    FROM shared_now n, (VALUES (0), (1)) t(timeline) WHERE n.valid_from >= n.since
  UNION ALL
  SELECT t.timeline, n.provider_kind, n.provider_id, n.valid_to, -n.patients, -1
    FROM shared_now n, (VALUES (0), (1)) t(timeline) WHERE n.valid_to IS NOT NULL
  UNION ALL
  SELECT 0, e.provider_kind, e.provider_id, e.valid_on, -e.sign * e.patients, -e.sign
    FROM edges e JOIN shared s ON (s.provider_kind, s.provider_id) = (e.provider_kind, e.provider_id)),
shared_days AS (
  SELECT timeline, provider_kind, provider_id, valid_on, sum(patients) AS patients, sum(practices) AS practices
    FROM shared_changes GROUP BY 1, 2, 3, 4),
shared_running AS (
  SELECT d.timeline, d.provider_kind, d.provider_id, d.valid_on, b.patients AS base_patients, b.practices AS base_practices,
         b.patients + sum(d.patients) OVER w AS patients, b.practices + sum(d.practices) OVER w AS practices
    FROM shared_days d JOIN shared_base b ON (b.provider_kind, b.provider_id) = (d.provider_kind, d.provider_id)
  WINDOW w AS (PARTITION BY d.timeline, d.provider_kind, d.provider_id ORDER BY d.valid_on)),
shared_stepped AS (
  SELECT timeline, valid_on, patients, practices,
         lag(patients, 1, base_patients) OVER w AS patients_before, lag(practices, 1, base_practices) OVER w AS practices_before
    FROM shared_running WINDOW w AS (PARTITION BY timeline, provider_kind, provider_id ORDER BY valid_on)),
shared_bands AS (
  SELECT valid_on, width_bucket(patients_before, '{0,20000,100000}'::numeric[]) - 1 AS band,
         CASE timeline WHEN 1 THEN -1 ELSE 1 END AS providers, CASE timeline WHEN 1 THEN -1 ELSE 1 END * patients_before AS patients
    FROM shared_stepped WHERE practices_before > 0
  UNION ALL
  SELECT valid_on, width_bucket(patients, '{0,20000,100000}'::numeric[]) - 1,
         CASE timeline WHEN 1 THEN 1 ELSE -1 END, CASE timeline WHEN 1 THEN 1 ELSE -1 END * patients
    FROM shared_stepped WHERE practices > 0),
bands AS (SELECT * FROM own_bands UNION ALL SELECT * FROM shared_bands),
figures AS (
  SELECT f.figure, '' AS key, e.valid_on, sum(f.delta) AS delta
    FROM edges e CROSS JOIN LATERAL (VALUES ('open', e.sign), ('partners', e.sign * e.partner_count), ('salaried', e.sign * e.salaried_count),
      ('subcontracted', CASE WHEN e.trust_code IS NOT NULL THEN e.sign ELSE 0 END), ('in_federation', CASE WHEN e.in_federation THEN e.sign ELSE 0 END),
      ('in_pcn', CASE WHEN e.in_pcn THEN e.sign ELSE 0 END), ('single_handed', CASE WHEN e.single_handed THEN e.sign ELSE 0 END),
      ('without_partners', CASE WHEN e.without_partners THEN e.sign ELSE 0 END), ('registered_patients', e.sign * e.patients)) f(figure, delta)
   GROUP BY 1, 2, 3
  UNION ALL SELECT 'contract_type', coalesce(contract_type, 'none'), valid_on, sum(sign) FROM edges GROUP BY 2, 3
  UNION ALL SELECT 'trust', trust_code, valid_on, sum(sign) FROM edges WHERE trust_code IS NOT NULL GROUP BY 2, 3
  UNION ALL SELECT 'band_providers', band::text, valid_on, sum(providers) FROM bands GROUP BY 2, 3
  UNION ALL SELECT 'band_patients', band::text, valid_on, sum(patients) FROM bands GROUP BY 2, 3)
INSERT INTO %3$s AS t (figure, key, valid_on, delta)
SELECT figure, key, valid_on, delta FROM figures WHERE delta <> 0
ON CONFLICT (figure, key, valid_on) DO UPDATE SET delta = t.delta + excluded.delta`;

const FOLD_PROVIDER_PRACTICES = `
INSERT INTO %4$s AS t (provider_kind, provider_id, ods_code, versions)
SELECT coalesce(provider_kind, 'none'), provider_id, ods_code, sum(sign)
  FROM (%1$s) c WHERE recorded_to IS NULL AND status = 'open' AND provider_id IS NOT NULL
 GROUP BY 1, 2, 3
ON CONFLICT (provider_kind, provider_id, ods_code) DO UPDATE SET versions = t.versions + excluded.versions`;

function foldFunctionSql(versions: 'practice_versions' | 'practice_versions_next'): string {
  const suffix = versions === 'practice_versions' ? '' : '_next';
  const filled = (statement: string) =>
    statement
      .replaceAll('%1$s', 'SELECT * FROM unnest(changes)')
      .replaceAll('%2$s', `landscape.${versions}`)
      .replaceAll('%3$s', `landscape.trend_deltas${suffix}`)
      .replaceAll('%4$s', `landscape.trend_provider_practices${suffix}`);
  return `CREATE OR REPLACE FUNCTION landscape.fold_trend_into_${versions}(changes landscape.trend_change[]) RETURNS void LANGUAGE plpgsql
-- Run after every projector step: compiling its statements would cost more than running them.
SET jit = off
AS $fn$
BEGIN
${filled(FOLD_FIGURES)};
${filled(FOLD_PROVIDER_PRACTICES)};
END
$fn$`;
}

const UP: readonly string[] = [
  `CREATE TABLE landscape.trend_deltas (
      figure text NOT NULL,
      key text NOT NULL,
      valid_on date NOT NULL,
      delta bigint NOT NULL,
      CONSTRAINT trend_deltas_pkey PRIMARY KEY (figure, key, valid_on)
    )`,
  `CREATE TABLE landscape.trend_provider_practices (
      provider_kind text NOT NULL,
      provider_id text NOT NULL,
      ods_code text NOT NULL,
      versions integer NOT NULL,
      CONSTRAINT trend_provider_practices_pkey PRIMARY KEY (provider_kind, provider_id, ods_code)
    )`,

  `CREATE TYPE landscape.trend_change AS (
      sign integer, ods_code text, valid_from date, valid_to date, recorded_to timestamptz, status text,
      contract_type text, trust_code text, pcn_code text, federations text[], partner_count integer,
      salaried_count integer, registered_patients integer, single_handed boolean, without_partners boolean,
      provider_kind text, provider_id text)`,
  foldFunctionSql('practice_versions'),
  foldFunctionSql('practice_versions_next'),
  `CREATE OR REPLACE FUNCTION landscape.fold_trend() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  changes landscape.trend_change[];
BEGIN
  -- Only believed open versions count; closing one that never was (a closed practice's) changes nothing.
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(SELECT ROW(1, ods_code, valid_from, valid_to, recorded_to, status, contract_type, trust_code, pcn_code, federations,
      partner_count, salaried_count, registered_patients, single_handed, without_partners, provider_kind, provider_id)::landscape.trend_change
      FROM new_rows WHERE recorded_to IS NULL AND status = 'open');
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(SELECT ROW(-1, ods_code, valid_from, valid_to, recorded_to, status, contract_type, trust_code, pcn_code, federations,
      partner_count, salaried_count, registered_patients, single_handed, without_partners, provider_kind, provider_id)::landscape.trend_change
      FROM old_rows WHERE recorded_to IS NULL AND status = 'open');
  ELSE
    changes := ARRAY(SELECT ROW(1, ods_code, valid_from, valid_to, recorded_to, status, contract_type, trust_code, pcn_code, federations,
      partner_count, salaried_count, registered_patients, single_handed, without_partners, provider_kind, provider_id)::landscape.trend_change
      FROM new_rows WHERE recorded_to IS NULL AND status = 'open'
      UNION ALL
      SELECT ROW(-1, ods_code, valid_from, valid_to, recorded_to, status, contract_type, trust_code, pcn_code, federations,
      partner_count, salaried_count, registered_patients, single_handed, without_partners, provider_kind, provider_id)::landscape.trend_change
      FROM old_rows WHERE recorded_to IS NULL AND status = 'open');
  END IF;
  IF cardinality(changes) = 0 THEN RETURN NULL; END IF;
  -- Named by the table the trigger is on, so a shadow's triggers write the live model once it is renamed into place.
  CASE TG_TABLE_NAME
    WHEN 'practice_versions' THEN PERFORM landscape.fold_trend_into_practice_versions(changes);
    WHEN 'practice_versions_next' THEN PERFORM landscape.fold_trend_into_practice_versions_next(changes);
    ELSE RAISE EXCEPTION 'fold_trend: % is not a practice-versions table', TG_TABLE_NAME;
  END CASE;
  RETURN NULL;
END
$fn$`,
  `CREATE OR REPLACE FUNCTION landscape.derive_trend(versions text, deltas text, practices text) RETURNS void LANGUAGE plpgsql
-- One statement run once: JIT compiling it costs more than it saves; the grouping by date and by practice fit in
-- memory as hash tables (sorting 2.4 million version ends took longer than the scan); the versions of providers
-- sharing practices are looked up by practice (the planner, misjudging the few shared providers, sorted the table).
SET jit = off
SET work_mem = '256MB'
SET enable_mergejoin = off
SET enable_hashjoin = off
AS $fn$
BEGIN
  -- One pass over the believed versions, each counted at its two ends, grouped two ways at once: by date (the figures)
  -- and by provider and practice (which providers share practices).
  EXECUTE format($q$
    WITH grouped AS MATERIALIZED (
      SELECT GROUPING(v.ods_code) = 0 AS by_practice, e.valid_on, v.contract_type, v.trust_code,
             CASE WHEN v.provider_id IS NOT NULL THEN width_bucket(coalesce(v.registered_patients, 0), '{0,20000,100000}'::bigint[]) - 1 END AS band,
             coalesce(v.provider_kind, 'none') AS provider_kind, v.provider_id, v.ods_code,
             sum(e.sign) AS open, sum(e.sign * v.partner_count) AS partners, sum(e.sign * v.salaried_count) AS salaried,
             sum(e.sign) FILTER (WHERE v.federations <> '{}') AS in_federation, sum(e.sign) FILTER (WHERE v.pcn_code IS NOT NULL) AS in_pcn,
             sum(e.sign) FILTER (WHERE v.single_handed) AS single_handed, sum(e.sign) FILTER (WHERE v.without_partners) AS without_partners,
             sum(e.sign * coalesce(v.registered_patients, 0)) AS registered_patients, count(*) FILTER (WHERE e.sign = 1) AS versions
        FROM %1$s v CROSS JOIN LATERAL (VALUES (v.valid_from, 1), (v.valid_to, -1)) e(valid_on, sign)
       WHERE v.recorded_to IS NULL AND v.status = 'open' AND e.valid_on IS NOT NULL
       GROUP BY GROUPING SETS ((e.valid_on, v.contract_type, v.trust_code, 5), (6, v.provider_id, v.ods_code))),
    provider_practices AS (
      INSERT INTO %3$s (provider_kind, provider_id, ods_code, versions)
      SELECT provider_kind, provider_id, ods_code, versions FROM grouped WHERE by_practice AND provider_id IS NOT NULL),
    by_date AS (SELECT * FROM grouped WHERE NOT by_practice),
    per_day AS (
      SELECT valid_on, sum(open) AS open, sum(partners) AS partners, sum(salaried) AS salaried,
             coalesce(sum(open) FILTER (WHERE trust_code IS NOT NULL), 0) AS subcontracted, coalesce(sum(in_federation), 0) AS in_federation,
             coalesce(sum(in_pcn), 0) AS in_pcn, coalesce(sum(single_handed), 0) AS single_handed,
             coalesce(sum(without_partners), 0) AS without_partners, sum(registered_patients) AS registered_patients
        FROM by_date GROUP BY valid_on),
    shared_practices AS (
      SELECT provider_kind, provider_id, ods_code
        FROM (SELECT provider_kind, provider_id, ods_code, count(*) OVER (PARTITION BY provider_kind, provider_id) AS practices
                FROM grouped WHERE by_practice AND provider_id IS NOT NULL) p
       WHERE practices > 1),
    -- Above, every version of a provider counted in its own band, right for a provider with one practice. A provider
    -- sharing practices has that taken back and its population date by date banded instead.
    shared_versions AS (
      SELECT p.provider_kind, p.provider_id, v.valid_from, v.valid_to, coalesce(v.registered_patients, 0) AS patients
        FROM shared_practices p
        JOIN %1$s v ON v.ods_code = p.ods_code AND v.recorded_to IS NULL AND v.status = 'open'
                    AND coalesce(v.provider_kind, 'none') = p.provider_kind AND v.provider_id = p.provider_id),
    shared_days AS (
      SELECT s.provider_kind, s.provider_id, x.valid_on, sum(x.patients) AS patients, sum(x.practices) AS practices
        FROM shared_versions s
        CROSS JOIN LATERAL (VALUES (s.valid_from, s.patients, 1), (s.valid_to, -s.patients, -1)) x(valid_on, patients, practices)
       WHERE x.valid_on IS NOT NULL GROUP BY 1, 2, 3),
    shared_running AS (
      SELECT provider_kind, provider_id, valid_on, sum(patients) OVER w AS patients, sum(practices) OVER w AS practices
        FROM shared_days WINDOW w AS (PARTITION BY provider_kind, provider_id ORDER BY valid_on)),
    shared_stepped AS (
      SELECT valid_on, patients, practices,
             lag(patients, 1, 0::numeric) OVER w AS patients_before, lag(practices, 1, 0::numeric) OVER w AS practices_before
        FROM shared_running WINDOW w AS (PARTITION BY provider_kind, provider_id ORDER BY valid_on)),
    bands AS (
      SELECT valid_on, band, open AS providers, registered_patients AS patients FROM by_date WHERE band IS NOT NULL
      UNION ALL
      SELECT x.valid_on, width_bucket(s.patients, '{0,20000,100000}'::bigint[]) - 1, -x.sign, -x.sign * s.patients
        FROM shared_versions s CROSS JOIN LATERAL (VALUES (s.valid_from, 1), (s.valid_to, -1)) x(valid_on, sign) WHERE x.valid_on IS NOT NULL
      UNION ALL
      SELECT valid_on, width_bucket(patients_before, '{0,20000,100000}'::numeric[]) - 1, -1, -patients_before FROM shared_stepped WHERE practices_before > 0
      UNION ALL
      SELECT valid_on, width_bucket(patients, '{0,20000,100000}'::numeric[]) - 1, 1, patients FROM shared_stepped WHERE practices > 0),
    figures AS (
      SELECT f.figure, '' AS key, d.valid_on, f.delta
        FROM per_day d CROSS JOIN LATERAL (VALUES ('open', d.open), ('partners', d.partners), ('salaried', d.salaried),
          ('subcontracted', d.subcontracted), ('in_federation', d.in_federation), ('in_pcn', d.in_pcn),
          ('single_handed', d.single_handed), ('without_partners', d.without_partners), ('registered_patients', d.registered_patients)) f(figure, delta)
      UNION ALL SELECT 'contract_type', coalesce(contract_type, 'none'), valid_on, sum(open) FROM by_date GROUP BY 2, 3
      UNION ALL SELECT 'trust', trust_code, valid_on, sum(open) FROM by_date WHERE trust_code IS NOT NULL GROUP BY 2, 3
      UNION ALL SELECT 'band_providers', band::text, valid_on, sum(providers) FROM bands GROUP BY 2, 3
      UNION ALL SELECT 'band_patients', band::text, valid_on, sum(patients) FROM bands GROUP BY 2, 3)
    INSERT INTO %2$s (figure, key, valid_on, delta)
    SELECT figure, key, valid_on, sum(delta) FROM figures GROUP BY 1, 2, 3 HAVING sum(delta) <> 0$q$, versions, deltas, practices);
END
$fn$`,
  `SELECT landscape.derive_trend('landscape.practice_versions', 'landscape.trend_deltas', 'landscape.trend_provider_practices')`,
  APPLY_STEP_SPLIT_CLOSES,
  `CREATE TRIGGER trend_fold_insert AFTER INSERT ON landscape.practice_versions
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION landscape.fold_trend()`,
  `CREATE TRIGGER trend_fold_update AFTER UPDATE ON landscape.practice_versions
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION landscape.fold_trend()`,
  `CREATE TRIGGER trend_fold_delete AFTER DELETE ON landscape.practice_versions
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION landscape.fold_trend()`,
];

const DOWN: readonly string[] = [
  `DROP TRIGGER IF EXISTS trend_fold_insert ON landscape.practice_versions`,
  `DROP TRIGGER IF EXISTS trend_fold_update ON landscape.practice_versions`,
  `DROP TRIGGER IF EXISTS trend_fold_delete ON landscape.practice_versions`,
  `DROP FUNCTION IF EXISTS landscape.derive_trend(text, text, text)`,
  `DROP FUNCTION IF EXISTS landscape.fold_trend()`,
  `DROP FUNCTION IF EXISTS landscape.fold_trend_into_practice_versions(landscape.trend_change[])`,
  `DROP FUNCTION IF EXISTS landscape.fold_trend_into_practice_versions_next(landscape.trend_change[])`,
  `DROP TYPE IF EXISTS landscape.trend_change`,
  `DROP TABLE IF EXISTS landscape.trend_provider_practices`,
  `DROP TABLE IF EXISTS landscape.trend_deltas`,
  APPLY_STEP_ONE_CLOSING_STATEMENT,
];

/**
 * The national trend's read model: per effective date, the change in each summary figure of the current belief (the
 * open versions with no recorded end), so a trend is a running sum over some 40,000 rows instead of a pass over every
 * version (1.2 million on the national history).
 *
 * landscape.trend_deltas: (figure, key, valid_on) → delta. Figures: open, partners, salaried, subcontracted,
 *   in_federation, in_pcn, single_handed, without_partners, registered_patients (key ''), contract_type and trust (key:
 *   the code, 'none' for no contract type), band_providers and band_patients (key: the index of the default population
 *   band, 0: [0, 20,000), 1: [20,000, 100,000), 2: [100,000, ∞)).
 * landscape.trend_provider_practices: (provider_kind ('none' for none), provider_id, ods_code) → the number of believed
 *   open versions of that practice with that provider. A provider's population is the sum over its practices and does
 *   not add up across providers: a provider with one practice is banded version by version, and only the few sharing
 *   practices (224 of 8,000 nationally) have their populations worked out date by date, from their practices' versions.
 *
 * Kept by statement triggers on the versions table (landscape.fold_trend), so every path that writes versions (the
 * step function, COPY, the closes' deletes) changes it in the same transaction as the checkpoint. landscape.derive_trend
 * fills empty tables from a versions table in one pass (this migration, a rebuild's shadow after loading, and verify,
 * which compares the two ways).
 */
export class TrendDeltas1763856900000 implements MigrationInterface {
  readonly name = 'TrendDeltas1763856900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DOWN) await queryRunner.query(sql);
  }
}
