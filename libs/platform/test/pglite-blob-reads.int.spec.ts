import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/database/embedded-postgres.js';

describe("COPY FROM '/dev/blob' on the embedded database", () => {
  let embedded: EmbeddedPostgres;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres('memory');
    await embedded.runOnSession([{ sql: 'CREATE TABLE lines (n integer, text text)' }]);
  });

  afterAll(() => embedded.close());

  const load = async (bytes: Uint8Array) => {
    const { rows } = await embedded.runOnSession([
      { sql: 'TRUNCATE lines' },
      { sql: `COPY lines FROM '/dev/blob'`, blob: bytes },
      { sql: 'SELECT n, text FROM lines ORDER BY n' },
    ]);
    return rows[2];
  };

  it('given a small buffer (a view into Node’s shared pool), then exactly its rows are loaded', async () => {
    const bytes = Buffer.from('1\tCafé\n2\tSt Mary’s\n');
    expect(bytes.byteOffset > 0 || bytes.buffer.byteLength > bytes.length).toBe(true);
    expect(await load(bytes)).toEqual([
      { n: 1, text: 'Café' },
      { n: 2, text: 'St Mary’s' },
    ]);
  });

  it('given megabytes, read in many pieces, then every row arrives whole and in order', async () => {
    const rows = Array.from({ length: 20_000 }, (_, n) => ({ n, text: `practice ${n} é ${'x'.repeat(n % 200)}` }));
    const bytes = Buffer.from(rows.map((row) => `${row.n}\t${row.text}\n`).join(''));
    expect(bytes.length).toBeGreaterThan(1_000_000);
    expect(await load(bytes)).toEqual(rows);
  });
});
