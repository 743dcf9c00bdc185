// The projector container's healthcheck (docker/compose.yaml): exits 0 while the landscape projection's checkpoint has
// moved lately. Even an idle projector moves it every second (the stable horizon follows the clock), so an older one
// means no projector is at work on this database. Reads the operators' view, so it needs nothing but `pg`.
import pg from 'pg';

const STALE_AFTER_SECONDS = 60;

const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 3_000, statement_timeout: 3_000 });
try {
  await client.connect();
  const { rows } = await client.query<{ age: number }>(
    `SELECT extract(epoch FROM now() - updated_at)::float8 AS age FROM reporting.projection_status WHERE projection = 'practice_versions'`,
  );
  process.exitCode = rows.length === 1 && rows[0].age < STALE_AFTER_SECONDS ? 0 : 1;
} catch {
  process.exitCode = 1;
} finally {
  await client.end().catch(() => undefined);
}
