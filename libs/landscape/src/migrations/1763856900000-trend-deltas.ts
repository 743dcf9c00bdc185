import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national trend's read model: per effective date, the change in each summary figure of the current belief (the
 * versions with no recorded end), so a trend is a running sum over a few thousand rows instead of a pass over every
 * version. Providers' populations do not add up across practices, so each provider's population changes are kept too
 * and the changes in the default population bands (0, 20,000, 100,000) worked out from them.
 *
 * landscape.trend_deltas: (figure, key, valid_on) → delta. Figures: open, partners, salaried, subcontracted,
 *   in_federation, in_pcn, single_handed, without_partners, registered_patients (key ''), contract_type and trust (key:
 *   the code, 'none' for no contract type), band_providers and band_patients (key: the band's index).
 * landscape.trend_provider_deltas: (provider_kind ('none' for none), provider_id, valid_on) → patients, practices.
 *
 * Kept by statement triggers on the versions table, so every path that writes versions (the step function, COPY,
 * the closes' deletes) keeps them in the same transaction as the checkpoint. landscape.derive_trend fills them from a
 * versions table at once (this migration, and a rebuild's shadow tables after loading, before their triggers exist).
 */
const UP: readonly string[] = [
  `CREATE TABLE landscape.trend_deltas (
      figure text NOT NULL,
      key text NOT NULL,
      valid_on date NOT NULL,
      delta bigint NOT NULL,
      CONSTRAINT trend_deltas_pkey PRIMARY KEY (figure, key, valid_on)
    )`,
  `CREATE TABLE landscape.trend_provider_deltas (
      provider_kind text NOT NULL,
      provider_id text NOT NULL,
      valid_on date NOT NULL,
      patients bigint NOT NULL,
      practices integer NOT NULL,
      CONSTRAINT trend_provider_deltas_pkey PRIMARY KEY (provider_kind, provider_id, valid_on)
    )`,
  `CREATE OR REPLACE FUNCTION landscape.trend_fold_statements(changed text, deltas text, providers text)
RETURNS text[] LANGUAGE sql IMMUTABLE AS $fn$
SELECT ARRAY[format($q$
WITH changed AS (
  SELECT sign, valid_from, valid_to, contract_type, trust_code, pcn_code, federations, partner_count, salaried_count,
         coalesce(registered_patients, 0) AS patients, single_handed, without_partners, provider_kind, provider_id
    FROM (%1$s) c WHERE recorded_to IS NULL AND status = 'open'),
edges AS (
  SELECT sign, valid_from AS valid_on, contract_type, trust_code, pcn_code, federations, partner_count, salaried_count,
         patients, single_handed, without_partners, provider_kind, provider_id FROM changed
  UNION ALL
  SELECT -sign, valid_to, contract_type, trust_code, pcn_code, federations, partner_count, salaried_count,
         patients, single_handed, without_partners, provider_kind, provider_id FROM changed WHERE valid_to IS NOT NULL),
per_day AS (
  SELECT valid_on, sum(sign) AS open, sum(sign * partner_count) AS partners, sum(sign * salaried_count) AS salaried,
         coalesce(sum(sign) FILTER (WHERE trust_code IS NOT NULL), 0) AS subcontracted,
         coalesce(sum(sign) FILTER (WHERE federations <> '{}'), 0) AS in_federation,
         coalesce(sum(sign) FILTER (WHERE pcn_code IS NOT NULL), 0) AS in_pcn,
         coalesce(sum(sign) FILTER (WHERE single_handed), 0) AS single_handed,
         coalesce(sum(sign) FILTER (WHERE without_partners), 0) AS without_partners,
         sum(sign * patients) AS registered_patients
    FROM edges GROUP BY valid_on),
provider_changes AS (
  SELECT coalesce(provider_kind, 'none') AS kind, provider_id AS id, valid_on, sum(sign * patients) AS patients, sum(sign) AS practices
    FROM edges WHERE provider_id IS NOT NULL GROUP BY 1, 2, 3),
touched AS (SELECT kind, id, min(valid_on) AS since FROM provider_changes GROUP BY 1, 2),
base AS (
  SELECT t.kind, t.id, coalesce(sum(p.patients), 0) AS patients, coalesce(sum(p.practices), 0) AS practices
    FROM touched t LEFT JOIN %3$s p ON p.provider_kind = t.kind AND p.provider_id = t.id AND p.valid_on < t.since
   GROUP BY 1, 2),
stored AS (
  SELECT p.provider_kind AS kind, p.provider_id AS id, p.valid_on, p.patients, p.practices
    FROM touched t JOIN %3$s p ON p.provider_kind = t.kind AND p.provider_id = t.id AND p.valid_on >= t.since),
timelines AS (
  SELECT -1 AS sign, kind, id, valid_on, patients, practices FROM stored
  UNION ALL
  SELECT 1, kind, id, valid_on, sum(patients), sum(practices)
    FROM (SELECT * FROM stored UNION ALL SELECT * FROM provider_changes) s GROUP BY kind, id, valid_on),
running AS (
  SELECT tl.sign, kind, id, tl.valid_on, b.patients AS base_patients, b.practices AS base_practices,
         b.patients + sum(tl.patients) OVER w AS patients, b.practices + sum(tl.practices) OVER w AS practices
    FROM timelines tl JOIN base b USING (kind, id)
  WINDOW w AS (PARTITION BY tl.sign, kind, id ORDER BY tl.valid_on)),
stepped AS (
  SELECT sign, valid_on, patients, practices,
         lag(patients, 1, base_patients) OVER w AS patients_before, lag(practices, 1, base_practices) OVER w AS practices_before
    FROM running WINDOW w AS (PARTITION BY sign, kind, id ORDER BY valid_on)),
band_changes AS (
  SELECT valid_on, width_bucket(patients_before, '{0,20000,100000}'::bigint[]) - 1 AS band, -sign AS providers, -sign * patients_before AS patients
    FROM stepped WHERE practices_before > 0
  UNION ALL
  SELECT valid_on, width_bucket(patients, '{0,20000,100000}'::bigint[]) - 1, sign, sign * patients FROM stepped WHERE practices > 0),
figures AS (
  SELECT f.figure, '' AS key, d.valid_on, f.delta
    FROM per_day d CROSS JOIN LATERAL (VALUES ('open', d.open), ('partners', d.partners), ('salaried', d.salaried),
      ('subcontracted', d.subcontracted), ('in_federation', d.in_federation), ('in_pcn', d.in_pcn),
      ('single_handed', d.single_handed), ('without_partners', d.without_partners), ('registered_patients', d.registered_patients)) f(figure, delta)
  UNION ALL SELECT 'contract_type', coalesce(contract_type, 'none'), valid_on, sum(sign) FROM edges GROUP BY 2, 3
  UNION ALL SELECT 'trust', trust_code, valid_on, sum(sign) FROM edges WHERE trust_code IS NOT NULL GROUP BY 2, 3
  UNION ALL SELECT 'band_providers', band::text, valid_on, sum(providers) FROM band_changes GROUP BY 2, 3
  UNION ALL SELECT 'band_patients', band::text, valid_on, sum(patients) FROM band_changes GROUP BY 2, 3)
INSERT INTO %2$s AS t (figure, key, valid_on, delta)
SELECT figure, key, valid_on, sum(delta) FROM figures GROUP BY 1, 2, 3 HAVING sum(delta) <> 0
ON CONFLICT (figure, key, valid_on) DO UPDATE SET delta = t.delta + excluded.delta$q$, changed, deltas, providers),
format($q$
WITH changed AS (
  SELECT sign, valid_from, valid_to, coalesce(registered_patients, 0) AS patients, provider_kind, provider_id
    FROM (%1$s) c WHERE recorded_to IS NULL AND status = 'open' AND provider_id IS NOT NULL),
edges AS (
  SELECT sign, valid_from AS valid_on, patients, provider_kind, provider_id FROM changed
  UNION ALL
  SELECT -sign, valid_to, patients, provider_kind, provider_id FROM changed WHERE valid_to IS NOT NULL)
INSERT INTO %2$s AS t (provider_kind, provider_id, valid_on, patients, practices)
SELECT coalesce(provider_kind, 'none'), provider_id, valid_on, sum(sign * patients), sum(sign)
  FROM edges GROUP BY 1, 2, 3 HAVING sum(sign * patients) <> 0 OR sum(sign) <> 0
ON CONFLICT (provider_kind, provider_id, valid_on) DO UPDATE
  SET patients = t.patients + excluded.patients, practices = t.practices + excluded.practices$q$, changed, providers)]
$fn$`,
  `CREATE OR REPLACE FUNCTION landscape.fold_trend() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  suffix text := CASE TG_TABLE_NAME WHEN 'practice_versions' THEN '' WHEN 'practice_versions_next' THEN '_next' END;
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
    ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows' END;
  believed boolean;
  statement text;
BEGIN
  IF suffix IS NULL THEN RAISE EXCEPTION 'fold_trend: % is not a practice-versions table', TG_TABLE_NAME; END IF;
  EXECUTE format('SELECT EXISTS (SELECT FROM (%s) c WHERE recorded_to IS NULL AND status = ''open'')', changed) INTO believed;
  IF NOT believed THEN RETURN NULL; END IF;
  FOREACH statement IN ARRAY landscape.trend_fold_statements(changed, 'landscape.trend_deltas' || suffix, 'landscape.trend_provider_deltas' || suffix) LOOP
    EXECUTE statement;
  END LOOP;
  RETURN NULL;
END
$fn$`,
  `CREATE OR REPLACE FUNCTION landscape.derive_trend(target text) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  suffix text := CASE target WHEN 'practice_versions' THEN '' WHEN 'practice_versions_next' THEN '_next' END;
  statement text;
BEGIN
  IF suffix IS NULL THEN RAISE EXCEPTION 'derive_trend: % is not a practice-versions table', target; END IF;
  FOREACH statement IN ARRAY landscape.trend_fold_statements(format('SELECT 1 AS sign, * FROM landscape.%I', target),
      'landscape.trend_deltas' || suffix, 'landscape.trend_provider_deltas' || suffix) LOOP
    EXECUTE statement;
  END LOOP;
END
$fn$`,
  `SELECT landscape.derive_trend('practice_versions')`,
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
  `DROP FUNCTION IF EXISTS landscape.derive_trend(text)`,
  `DROP FUNCTION IF EXISTS landscape.fold_trend()`,
  `DROP FUNCTION IF EXISTS landscape.trend_fold_statements(text, text, text)`,
  `DROP TABLE IF EXISTS landscape.trend_provider_deltas`,
  `DROP TABLE IF EXISTS landscape.trend_deltas`,
];

export class TrendDeltas1763856900000 implements MigrationInterface {
  readonly name = 'TrendDeltas1763856900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DOWN) await queryRunner.query(sql);
  }
}
