import type pg from 'pg';

/** SPEC §8: the role the API and projector run as on a server. Granted to their login: GRANT register_app TO <login>. */
export const APP_ROLE = 'register_app';

// The log and its proof are append-only for the service: it reads and appends, never rewrites, truncates or alters.
const LOG_TABLES: Readonly<Record<string, string>> = {
  'event_store.events': 'SELECT, INSERT',
  'event_store.streams': 'SELECT, INSERT, UPDATE',
  'event_store.idempotency_keys': 'SELECT, INSERT, UPDATE, DELETE',
  'proof.leaves': 'SELECT, INSERT',
  'proof.tree_nodes': 'SELECT, INSERT',
  'proof.tree_heads': 'SELECT, INSERT',
  'proof.signing_keys': 'SELECT, INSERT',
  'proof.notary_checkpoint': 'SELECT, UPDATE',
  // API keys are the operator's to issue and revoke (the CLI, as the owner): the service only reads them.
  'access.api_keys': 'SELECT',
};
const LOG_SCHEMAS = ['event_store', 'proof', 'access'];

/**
 * Creates the NOLOGIN role (roles are cluster-wide, so once per server, tolerating another database's migration doing
 * the same at that moment) and grants it exactly what the service needs in this database: the table privileges above on
 * the log, row reads and writes on the projections (every other schema the owner created, present and future tables
 * alike once `migrate` runs again), and sight of other sessions' transaction starts (pg_read_all_stats), without which
 * the stable horizon cannot be established. Runs as the database owner; never grants TRUNCATE, DDL or trigger changes.
 */
export async function grantAppRole(client: Pick<pg.ClientBase, 'query'>): Promise<void> {
  await client.query(`DO $$
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        BEGIN
          CREATE ROLE ${APP_ROLE} NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
      END IF;
      IF NOT pg_has_role('${APP_ROLE}', 'pg_read_all_stats', 'MEMBER') THEN
        BEGIN
          GRANT pg_read_all_stats TO ${APP_ROLE};
        EXCEPTION WHEN insufficient_privilege OR internal_error OR unique_violation THEN
          RAISE WARNING '${APP_ROLE} could not be granted pg_read_all_stats: the stable horizon may be unknown while another login''s transaction is the oldest';
        END;
      END IF;
      EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO ${APP_ROLE}', current_database());
    END $$`);
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('${APP_ROLE} grants'))`);
  const { rows } = await client.query<{ nspname: string }>(
    `SELECT n.nspname FROM pg_namespace n
      WHERE n.nspowner = (SELECT nspowner FROM pg_namespace WHERE nspname = 'event_store')
        AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`,
  );
  for (const { nspname: schema } of rows) {
    const name = `"${schema.replace(/"/g, '""')}"`;
    await client.query(`GRANT USAGE ON SCHEMA ${name} TO ${APP_ROLE}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${name} FROM ${APP_ROLE}`);
    if (LOG_SCHEMAS.includes(schema)) continue;
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${name} TO ${APP_ROLE}`);
    await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${name} TO ${APP_ROLE}`);
  }
  for (const [table, privileges] of Object.entries(LOG_TABLES)) await client.query(`GRANT ${privileges} ON ${table} TO ${APP_ROLE}`);
  // The migrations history: read to check the schema is current, never written by the service.
  await client.query(`REVOKE ALL ON public.schema_migrations FROM ${APP_ROLE}`);
  await client.query(`GRANT SELECT ON public.schema_migrations TO ${APP_ROLE}`);
}
