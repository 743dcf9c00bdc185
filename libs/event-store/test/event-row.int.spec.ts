import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '#platform';
import { createServerDatabase, type ServerDatabase } from '../../../test/support/server-database.js';
import { epochMillisSql, ISO_MILLIS_FORMAT, isoInstantOfMillis } from '../src/postgres/event-row.js';

/** Instants where truncation, the epoch's sign, leap days, zones and year widths could tell the two spellings apart. */
const INSTANTS = [
  '2026-12-07 18:49:31.123+00',
  '1999-12-31 23:59:59.9999+00', // sub-millisecond: truncated, not rounded
  '1969-12-31 23:59:59.9995+00', // before the epoch
  '1970-01-01 00:00:00+00',
  '2024-02-29 23:30:00.5+05:30', // a leap day, in another zone
  '2026-03-29 01:00:00.999999+01', // the clocks going forward in London
  '0999-06-01 00:00:00.001+00', // a three-digit year
  '9999-12-31 23:59:59.999+00',
];

/** recordedAt read as milliseconds and formatted in the process is what to_char spelled in the database, whatever the session's zone. */
async function expectSameAsToChar(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`SET TimeZone = 'Pacific/Chatham'`);
    const { rows } = await client.query<{ millis: string; formatted: string }>(
      `SELECT ${epochMillisSql('t')} AS millis, to_char(t AT TIME ZONE 'UTC', ${ISO_MILLIS_FORMAT}) AS formatted
         FROM unnest($1::timestamptz[]) t`,
      [INSTANTS],
    );
    expect(rows).toHaveLength(INSTANTS.length);
    expect(rows.map((row) => isoInstantOfMillis(row.millis))).toEqual(rows.map((row) => row.formatted));
    expect(rows[1].formatted).toBe('1999-12-31T23:59:59.999Z');
    await client.query('RESET TimeZone');
  } finally {
    client.release();
  }
}

/** A pool of one connection on `url`; closing it ends the pool, then lets the database go. */
function poolOn(url: string, release: () => Promise<void>): { pool: pg.Pool; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  return {
    pool,
    close: async () => {
      await pool.end();
      await release();
    },
  };
}

const DATABASES: [string, () => Promise<ReturnType<typeof poolOn>>][] = [
  [
    'the embedded database',
    async () => {
      const embedded: EmbeddedPostgres = await startEmbeddedPostgres('memory');
      return poolOn(embedded.url, () => embedded.close());
    },
  ],
  [
    'a PostgreSQL server',
    async () => {
      const database: ServerDatabase = await createServerDatabase();
      return poolOn(database.url, () => database.drop());
    },
  ],
];

describe('recordedAt as the event store reads it', () => {
  it.each(DATABASES)('is spelled as to_char spells it, on %s', async (_name, open) => {
    const { pool, close } = await open();
    try {
      await expectSameAsToChar(pool);
    } finally {
      await close();
    }
  });
});
