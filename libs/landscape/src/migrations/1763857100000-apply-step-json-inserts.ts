import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ApplyStepFunction1763856700000 } from './1763856700000-apply-step-function.js';

/** The step function's arguments but the last, the rows to insert. */
const ARGUMENT_TYPES = 'text, int, jsonb, jsonb, text[], date[], timestamptz[]';

/**
 * landscape.apply_projection_step taking the rows to insert as json: their states go into the json column as they
 * came (jsonb parsed every state and wrote it out again for the cast on assignment, on every live step). The same
 * function otherwise, compare-and-set, closes, notification and all (see migration 1763856700000).
 *
 * It replaces the jsonb one rather than standing beside it: with both, a call whose arguments are untyped literals
 * could not choose between them.
 */
export class ApplyStepJsonInserts1763857100000 implements MigrationInterface {
  readonly name = 'ApplyStepJsonInserts1763857100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS landscape.apply_projection_step(${ARGUMENT_TYPES}, jsonb)`);
    await queryRunner.query(APPLY_STEP_FUNCTION_JSON_INSERTS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS landscape.apply_projection_step(${ARGUMENT_TYPES}, json)`);
    await new ApplyStepFunction1763856700000().up(queryRunner);
  }
}

const APPLY_STEP_FUNCTION_JSON_INSERTS = `
CREATE OR REPLACE FUNCTION landscape.apply_projection_step(
  target text, version_if_new int, expected_checkpoint jsonb, next_checkpoint jsonb,
  close_ods_codes text[], close_valid_froms date[], close_ats timestamptz[], inserts json)
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

  IF json_array_length(inserts) > 0 THEN
    EXECUTE format(
      'INSERT INTO landscape.%1$I (ods_code, valid_from, valid_to, recorded_from, recorded_to, status, name,
         commissioner_code, contract_type, holder_kind, holder_id, provider_kind, provider_id, provider_name, trust_code,
         pcn_code, federations, partner_count, salaried_count, registered_patients, single_handed, without_partners,
         summary_facts, state)
       SELECT ods_code, valid_from, valid_to, recorded_from, recorded_to, status, name,
         commissioner_code, contract_type, holder_kind, holder_id, provider_kind, provider_id, provider_name, trust_code,
         pcn_code, federations, partner_count, salaried_count, registered_patients, single_handed, without_partners,
         summary_facts, state
         FROM json_to_recordset($1) AS r(ods_code text, valid_from date, valid_to date, recorded_from timestamptz,
           recorded_to timestamptz, status text, name text, commissioner_code text, contract_type text, holder_kind text,
           holder_id text, provider_kind text, provider_id text, provider_name text, trust_code text, pcn_code text,
           federations text[], partner_count integer, salaried_count integer, registered_patients integer,
           single_handed boolean, without_partners boolean, summary_facts text, state json)', target)
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
