import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { eventually } from '../../../test/support/eventually.js';

const PROBLEM = /^application\/problem\+json/;

/** Alters a signed cursor's payload (base64url, before the "~") while keeping its signature. */
function tamper(cursor: string, change: (payload: string) => string): string {
  const separator = cursor.lastIndexOf('~');
  return `${change(cursor.slice(0, separator))}~${cursor.slice(separator + 1)}`;
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');

describe('hardened inputs (SPEC §9, e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    for (const odsCode of ['H10001', 'H10002', 'H10003']) {
      await t
        .http()
        .post('/practices')
        .send({ odsCode, name: `=HYPERLINK("http://x") ${odsCode}`, openedOn: '2004-04-01' })
        .expect(201);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses JSON nested deeper than 32 levels as MALFORMED_JSON before any other work', async () => {
    const deep = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);
    const started = Date.now();
    const res = await t.http().post('/practices').set('Content-Type', 'application/json').send(deep);
    expect([res.status, res.headers['content-type'], res.body.code]).toEqual([400, expect.stringMatching(PROBLEM), 'MALFORMED_JSON']);
    expect(Date.now() - started).toBeLessThan(1_000);
    const fine = {
      odsCode: 'H10009',
      name: 'Nested Surgery',
      openedOn: '2004-04-01',
      contract: { type: 'GMS', holder: { kind: 'partnership', id: 'p-h10009', name: 'P' } },
    };
    await t.http().post('/practices').send(fine).expect(201);
  });

  it.each([
    ['NUL', '"The\\u0000Surgery"'],
    ['an unpaired surrogate', '"The \\ud800 Surgery"'],
    ['a right-to-left override', '"The \\u202eyregruS"'],
    ['a control character', '"The\\u0007Surgery"'],
  ])('refuses a name with %s (400 naming the field)', async (_what, nameJson) => {
    const res = await t
      .http()
      .post('/practices/H10001/name')
      .set('Content-Type', 'application/json')
      .send(`{"name":${nameJson},"effectiveDate":"2010-01-01"}`);
    expect([res.status, res.body.code, res.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, 'VALIDATION_FAILED', ['name']]);
  });

  it('refuses a feed cursor it did not sign, or one whose contents were changed', async () => {
    // On a shared server the feed shows nothing while another client's transaction is older than ours: wait for it.
    const first = await eventually(
      () => t.http().get('/feed').query({ limit: 1 }),
      (r) => r.status === 200 && r.body.nextCursor !== null,
    );
    const cursor: string = first.body.nextCursor;
    await t.http().get('/feed').query({ after: cursor, limit: 1 }).expect(200);
    const forged = [
      `v1.${base64url('99999999999999999999.1')}`,
      tamper(cursor, () => `v1.${base64url('1.1')}`),
      `${cursor.slice(0, cursor.lastIndexOf('~') + 1)}${'A'.repeat(22)}`,
    ];
    for (const after of forged) {
      const res = await t.http().get('/feed').query({ after });
      expect([res.status, res.headers['content-type'], res.body.code]).toEqual([400, expect.stringMatching(PROBLEM), 'INVALID_CURSOR']);
    }
  });

  it('refuses a list cursor with a forged knownAt, and pages with a real one', async () => {
    const first = await eventually(
      () => t.http().get('/practices').query({ limit: 1 }),
      (r) => r.status === 200 && r.body.nextCursor !== null,
    );
    const cursor: string = first.body.nextCursor;
    await t.http().get('/practices').query({ limit: 1, cursor }).expect(200);
    const forged = tamper(cursor, (payload) => {
      const [asOf, , after] = JSON.parse(Buffer.from(payload.slice(3), 'base64url').toString('utf8')) as string[];
      return `p1.${base64url(JSON.stringify([asOf, '2199-01-01T00:00:00.000Z', after]))}`;
    });
    const res = await t.http().get('/practices').query({ limit: 1, cursor: forged });
    expect([res.status, res.body.code]).toEqual([400, 'INVALID_CURSOR']);
  });

  it('escapes CSV cells that a spreadsheet would run as formulas', async () => {
    const csv = await eventually(
      () => t.http().get('/reports/practices.csv'),
      (r) => r.status === 200 && r.text.includes('H10003'),
    );
    expect(csv.text).toContain(`'=HYPERLINK`);
    expect(csv.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  describe('Idempotency-Key', () => {
    const body = { registeredPatients: 7000, effectiveDate: '2012-01-01' };

    it('compares bodies by their canonical JSON: the same fields in another order replay the first answer', async () => {
      const first = await t.http().post('/practices/H10002/list-size').set('Idempotency-Key', 'canon-1').send(body).expect(201);
      const reordered = `{"effectiveDate":"2012-01-01", "registeredPatients":7000}`;
      const retry = await t
        .http()
        .post('/practices/H10002/list-size')
        .set('Idempotency-Key', 'canon-1')
        .set('Content-Type', 'application/json')
        .send(reordered)
        .expect(201);
      expect(retry.body).toEqual(first.body);
    });

    it('belongs to the principal that sent it: another principal with the same key appends anew', async () => {
      const other = await t.issueKey({ name: 'another-recorder', role: 'recorder' });
      const mine = await t.http().post('/practices/H10003/list-size').set('Idempotency-Key', 'shared-key').send(body).expect(201);
      const theirs = await t
        .withAuthorization(`Bearer ${other}`)()
        .post('/practices/H10003/list-size')
        .set('Idempotency-Key', 'shared-key')
        .send({ ...body, registeredPatients: 7100 })
        .expect(201);
      expect(theirs.body.eventId).not.toBe(mine.body.eventId);
      const again = await t
        .withAuthorization(`Bearer ${other}`)()
        .post('/practices/H10003/list-size')
        .set('Idempotency-Key', 'shared-key')
        .send({ ...body, registeredPatients: 7100 })
        .expect(201);
      expect(again.body).toEqual(theirs.body);
    });

    it('keeps an answer of ids only, and forgets keys past their time to live', async () => {
      const pool = t.runtime.database.pool;
      const { rows } = await pool.query<{ size: number; result: unknown }>(
        `SELECT pg_column_size(result) AS size, result FROM event_store.idempotency_keys WHERE key = 'canon-1'`,
      );
      expect(JSON.stringify(rows[0].result)).not.toContain('registeredPatients');
      expect(rows[0].size).toBeLessThan(512);
      await pool.query(`UPDATE event_store.idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'canon-1'`);
      const fresh = await t
        .http()
        .post('/practices/H10002/list-size')
        .set('Idempotency-Key', 'canon-1')
        .send({ ...body, registeredPatients: 7200 })
        .expect(201);
      expect(fresh.body.streamVersion).toBeGreaterThan(2);
      await pool.query(`UPDATE event_store.idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'canon-1'`);
      expect(await t.runtime.eventStore.idempotencyPruner.prune()).toBeGreaterThanOrEqual(1);
      const left = await pool.query(`SELECT 1 FROM event_store.idempotency_keys WHERE key = 'canon-1'`);
      expect(left.rowCount).toBe(0);
    });
  });
});
