import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { bytesAsBlob } from '../src/database/pglite-blob-reads.js';

describe("COPY FROM '/dev/blob' on the embedded database", () => {
  let embedded: EmbeddedPostgres;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres('memory');
    await embedded.runOnSession((db) => db.exec('CREATE TABLE lines (n integer, text text)'));
  });

  afterAll(() => embedded.close());

  const load = (bytes: Uint8Array) =>
    embedded.runOnSession(async (db) => {
      await db.exec('TRUNCATE lines');
      await db.query(`COPY lines FROM '/dev/blob'`, [], { blob: bytesAsBlob(bytes) });
      return (await db.query<{ n: number; text: string }>('SELECT n, text FROM lines ORDER BY n')).rows;
    });

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
