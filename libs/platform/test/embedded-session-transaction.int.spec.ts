import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/database/embedded-postgres.js';

// Work through the PGlite API crosses to the database's thread as data: these are the promises it keeps.
describe('a transaction on the embedded session (its own thread)', () => {
  let embedded: EmbeddedPostgres;
  let client: pg.Client;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres('memory');
    client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    await client.query('CREATE TABLE marks (n integer PRIMARY KEY, note text NOT NULL)');
  });
  afterAll(async () => {
    await client?.end();
    await embedded?.close();
  });

  const notes = async () => (await client.query<{ n: number; note: string }>('SELECT n, note FROM marks ORDER BY n')).rows;

  it('given statements, then each one’s rows come back in order and a connection reads what they committed', async () => {
    const result = await embedded.runOnSession([
      { sql: 'INSERT INTO marks VALUES ($1, $2)', params: [1, 'one'] },
      { sql: 'SELECT count(*)::int AS n FROM marks' },
    ]);
    expect(result).toEqual({ completed: true, rows: [[], [{ n: 1 }]] });
    expect(await notes()).toEqual([{ n: 1, note: 'one' }]);
  });

  it('given a continueIf that is not true, then the statements after it are skipped and what ran commits', async () => {
    const result = await embedded.runOnSession([
      { sql: 'INSERT INTO marks VALUES (2, $1)', params: ['kept'] },
      { sql: 'SELECT false AS go', continueIf: 'go' },
      { sql: 'INSERT INTO marks VALUES (3, $1)', params: ['never'] },
    ]);
    expect(result.completed).toBe(false);
    expect(result.rows).toHaveLength(2);
    expect(await notes()).toEqual([
      { n: 1, note: 'one' },
      { n: 2, note: 'kept' },
    ]);
  });

  it('given a failing statement, then nothing of the transaction stays and the error keeps its SQLSTATE for the caller', async () => {
    const failing = embedded.runOnSession([
      { sql: 'INSERT INTO marks VALUES (4, $1)', params: ['rolled back'] },
      { sql: 'INSERT INTO marks VALUES (1, $1)', params: ['duplicate'] },
    ]);
    await expect(failing).rejects.toMatchObject({ code: '23505', constraint: 'marks_pkey' });
    expect((await notes()).map((row) => row.n)).toEqual([1, 2]);
  });

  it('given COPY text of its own memory (handed over whole), then every row loads', async () => {
    const text = Buffer.from(Array.from({ length: 1_000 }, (_, i) => `${100 + i}\tcopied ${i}\n`).join(''));
    expect(text.byteLength).toBeGreaterThan(8 * 1024); // not a view into Node's shared pool
    await embedded.runOnSession([{ sql: `COPY marks FROM '/dev/blob'`, blob: text }]);
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM marks WHERE n >= 100');
    expect(rows[0].n).toBe(1_000);
  });

  it('given a small blob (a view into Node’s shared pool), then only its own bytes are handed over', async () => {
    const text = Buffer.from('7\tseven\n');
    await embedded.runOnSession([{ sql: `COPY marks FROM '/dev/blob'`, blob: text }]);
    expect(text.toString()).toBe('7\tseven\n'); // copied out of the pool: the pool's other bytes stay where they were
    expect((await notes()).slice(0, 3).map((row) => row.n)).toEqual([1, 2, 7]);
  });

  it('given work on the session while connections query, then both are served', async () => {
    const reads = Array.from({ length: 20 }, (_, n) => client.query<{ n: number }>('SELECT $1::int AS n', [n]));
    const work = Array.from({ length: 5 }, (_, n) => embedded.runOnSession([{ sql: 'SELECT $1::int AS n', params: [n] }]));
    expect((await Promise.all(reads)).map((result) => result.rows[0].n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect((await Promise.all(work)).map((result) => result.rows[0][0].n)).toEqual([0, 1, 2, 3, 4]);
  });

  it('given the database closed, then work is refused with a clear error', async () => {
    const other = await startEmbeddedPostgres('memory');
    await other.close();
    await expect(other.runOnSession([{ sql: 'SELECT 1' }])).rejects.toThrow('the embedded database is closed');
  });
});
