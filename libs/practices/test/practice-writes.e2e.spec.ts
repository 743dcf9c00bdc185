import { randomUUID } from 'node:crypto';
import { ProjectorService } from '#landscape';
import { eventually } from '../../../test/support/eventually.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

const PARTNERSHIP = { type: 'GMS', holder: { kind: 'partnership', id: 'the-surgery-partnership', name: 'The Surgery Partnership' } };

describe('practice write API (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const open = (odsCode: string, extra: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/practices')
      .send({ odsCode, name: 'The Surgery', openedOn: '2004-04-01', commissionerCode: '5E1', contract: PARTNERSHIP, ...extra });
  const history = async (ods: string) => (await t.http().get(`/practices/${ods}/history`).expect(200)).body;
  const expectProblem = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number, code: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(expect.objectContaining({ status, title: expect.any(String), detail: expect.any(String), errors: expect.any(Array) }));
  };

  it('opens a practice and answers 201 with eventId, odsCode, streamVersion and position', async () => {
    const res = await open('A10001').expect(201);
    expect(res.body).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      odsCode: 'A10001',
      streamVersion: 1,
      position: expect.any(String),
    });
  });

  it('records every write route in turn', async () => {
    await open('A10002').expect(201);
    await open('A10003').expect(201);
    const steps: Array<[string, Record<string, unknown>]> = [
      ['/practices/A10002/name', { name: 'The New Surgery', effectiveDate: '2005-01-01' }],
      ['/practices/A10002/commissioner', { commissionerCode: '00K', effectiveDate: '2013-04-01' }],
      [
        '/practices/A10002/contract',
        { type: 'PMS', holder: { kind: 'partnership', id: 'new-partnership', name: 'New Partnership' }, effectiveDate: '2006-01-01' },
      ],
      ['/practices/A10002/partners', { gmcNumber: '4012345', name: 'Dr A Patel', effectiveDate: '2006-02-01' }],
      ['/practices/A10002/partners', { gmcNumber: '4012346', name: 'Dr B Jones', effectiveDate: '2006-02-01' }],
      ['/practices/A10002/partners', { gmcNumber: '4012347', name: 'Dr C Smith', effectiveDate: '2006-02-01' }],
      ['/practices/A10002/partners/4012345/exit', { reason: 'retirement', effectiveDate: '2010-03-31' }],
      ['/practices/A10002/partners/4012346/salaried-conversion', { effectiveDate: '2012-01-01' }],
      ['/practices/A10002/salaried-gps', { gmcNumber: '4012348', name: 'Dr D Brown', effectiveDate: '2012-06-01' }],
      ['/practices/A10002/salaried-gps/4012348/leave', { effectiveDate: '2014-06-01' }],
      ['/practices/A10002/subcontract', { trustCode: 'RL4', trustName: 'The Royal Wolverhampton NHS Trust', effectiveDate: '2016-06-01' }],
      ['/practices/A10002/subcontract/end', { effectiveDate: '2018-06-01' }],
      [
        '/practices/A10002/federations',
        { federationId: 'wolverhampton-gp-federation', federationName: 'Wolverhampton GP Federation', effectiveDate: '2014-01-01' },
      ],
      ['/practices/A10002/federations/wolverhampton-gp-federation/leave', { effectiveDate: '2017-01-01' }],
      ['/practices/A10002/pcn', { pcnCode: 'U12345', pcnName: 'North PCN', effectiveDate: '2019-07-01' }],
      ['/practices/A10002/pcn/leave', { effectiveDate: '2021-07-01' }],
      ['/practices/A10002/list-size', { registeredPatients: 9700, effectiveDate: '2019-01-01' }],
      ['/practices/A10003/merge', { intoOdsCode: 'A10002', effectiveDate: '2020-04-01' }],
      ['/practices/A10002/close', { reason: 'Contract ended', effectiveDate: '2023-03-31' }],
    ];
    for (const [path, body] of steps) {
      const res = await t.http().post(path).send(body);
      expect({ path, status: res.status, body: res.body }).toEqual({
        path,
        status: 201,
        body: expect.objectContaining({ eventId: expect.any(String) }),
      });
    }
    const a2 = await history('A10002');
    expect(a2.events.map((e: { type: string }) => e.type)).toEqual([
      'PracticeOpened',
      'PracticeRenamed',
      'ContractChanged',
      'PartnerJoined',
      'PartnerJoined',
      'PartnerJoined',
      'PartnerExited',
      'PartnerConvertedToSalaried',
      'SalariedGpJoined',
      'CommissionerChanged',
      'FederationJoined',
      'SalariedGpLeft',
      'ContractSubcontractedToTrust',
      'FederationLeft',
      'TrustSubcontractEnded',
      'ListSizeRecorded',
      'PcnJoined',
      'PracticeAbsorbed',
      'PcnLeft',
      'PracticeClosed',
    ]);
    const a3 = await history('A10003');
    expect(a3.events.at(-1)).toEqual(expect.objectContaining({ type: 'PracticeMerged', data: { intoOdsCode: 'A10002' } }));
  });

  it('retracts an event, and history marks it retracted', async () => {
    await open('A10004').expect(201);
    const wrong = await t.http().post('/practices/A10004/list-size').send({ registeredPatients: 99999, effectiveDate: '2010-01-01' }).expect(201);
    await t.http().post(`/practices/A10004/events/${wrong.body.eventId}/retract`).send({ reason: 'typo' }).expect(201);
    const h = await history('A10004');
    expect(h.events.find((e: { eventId: string }) => e.eventId === wrong.body.eventId)).toEqual(
      expect.objectContaining({ retracted: true, retractedBy: expect.objectContaining({ reason: 'typo' }) }),
    );
    const again = await t.http().post(`/practices/A10004/events/${wrong.body.eventId}/retract`).send({ reason: 'twice' });
    expectProblem(again, 422, 'EVENT_ALREADY_RETRACTED');
    const unknown = await t.http().post('/practices/A10004/events/3f2c1d9e-8a7b-4c6d-9e0f-1a2b3c4d5e6f/retract').send({ reason: 'x' });
    expectProblem(unknown, 404, 'EVENT_NOT_FOUND');
  });

  it('history honours knownAt: an auditor sees what the register knew then', async () => {
    await open('A10005').expect(201);
    const before = (await history('A10005')).knownAt;
    // recordedAt has millisecond precision: the next write must come a millisecond later at least.
    await eventually(
      async () => Date.now(),
      (now) => now > Date.parse(before) + 1,
    );
    await t.http().post('/practices/A10005/name').send({ name: 'Later Name', effectiveDate: '2005-01-01' }).expect(201);
    const then = await t.http().get('/practices/A10005/history').query({ knownAt: before }).expect(200);
    expect(then.body.events.map((e: { type: string }) => e.type)).toEqual(['PracticeOpened']);
    expect(then.body.knownAt).toBe(before);
    const now = await history('A10005');
    expect(now.events).toHaveLength(2);
    expect(now.events[1]).toEqual(
      expect.objectContaining({ recordedBy: 'test-admin', correlationId: expect.any(String), causationId: null, schemaVersion: 1 }),
    );
  });

  describe('refusals append nothing', () => {
    beforeAll(async () => {
      await open('B20001').expect(201);
    });

    it.each([
      ['bad ODS code', '/practices', { odsCode: 'x1', name: 'N', openedOn: '2004-04-01' }, 'odsCode'],
      ['impossible date', '/practices/B20001/name', { name: 'N', effectiveDate: '2023-02-29' }, 'effectiveDate'],
      ['unknown field', '/practices/B20001/name', { name: 'N', effectiveDate: '2010-01-01', colour: 'red' }, 'colour'],
      ['bad GMC number', '/practices/B20001/partners', { gmcNumber: '12', name: 'Dr X', effectiveDate: '2010-01-01' }, 'gmcNumber'],
      ['bad trust code', '/practices/B20001/subcontract', { trustCode: 'XX1', trustName: 'T', effectiveDate: '2010-01-01' }, 'trustCode'],
      ['bad PCN code', '/practices/B20001/pcn', { pcnCode: 'P1', pcnName: 'P', effectiveDate: '2010-01-01' }, 'pcnCode'],
      [
        'bad federation slug',
        '/practices/B20001/federations',
        { federationId: 'Bad Slug', federationName: 'F', effectiveDate: '2010-01-01' },
        'federationId',
      ],
      ['list size out of range', '/practices/B20001/list-size', { registeredPatients: 1_000_001, effectiveDate: '2010-01-01' }, 'registeredPatients'],
      [
        'bad holder kind',
        '/practices/B20001/contract',
        { type: 'GMS', holder: { kind: 'club', id: 'x-y', name: 'X' }, effectiveDate: '2010-01-01' },
        'holder.kind',
      ],
      ['bad path ODS code', '/practices/b20001/name', { name: 'N', effectiveDate: '2010-01-01' }, 'ods'],
    ])('400 for %s, naming the field', async (_what, path, body, field) => {
      const res = await t.http().post(path).send(body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('reads a body sent as application/<something>+json as JSON', async () => {
      const malformed = await t.http().post('/practices/B20001/name').set('content-type', 'application/merge-patch+json').send('{"name":');
      expectProblem(malformed, 400, 'MALFORMED_JSON');
      const incomplete = await t.http().post('/practices/B20001/name').set('content-type', 'application/merge-patch+json').send('{"name":"N"}');
      expectProblem(incomplete, 400, 'VALIDATION_FAILED');
      expect(incomplete.body.errors.map((e: { field: string }) => e.field)).toEqual(['effectiveDate']);
    });

    it('400 for malformed JSON and 413 for a body over 1 MiB', async () => {
      const bad = await t.http().post('/practices/B20001/name').set('content-type', 'application/json').send('{"name":');
      expectProblem(bad, 400, 'MALFORMED_JSON');
      const big = await t
        .http()
        .post('/practices/B20001/name')
        .send({ name: 'x'.repeat(1_100_000), effectiveDate: '2010-01-01' });
      expectProblem(big, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('404 for an unknown practice, 409 for a duplicate, 422 for a rule breach', async () => {
      expectProblem(await t.http().post('/practices/Z99999/name').send({ name: 'N', effectiveDate: '2010-01-01' }), 404, 'PRACTICE_NOT_FOUND');
      expectProblem(await open('B20001'), 409, 'PRACTICE_ALREADY_EXISTS');
      expectProblem(
        await t.http().post('/practices/B20001/partners/4000001/exit').send({ reason: 'retirement', effectiveDate: '2010-01-01' }),
        422,
        'NOT_A_PARTNER',
      );
      expectProblem(await t.http().post('/practices/B20001/name').send({ name: 'N', effectiveDate: '2000-01-01' }), 422, 'BEFORE_OPENING');
      expect((await history('B20001')).streamVersion).toBe(1);
    });

    it('422 TIMELINE_CONFLICT naming the later event a retroactive change would break', async () => {
      await t.http().post('/practices/B20001/partners').send({ gmcNumber: '4000002', name: 'Dr P', effectiveDate: '2008-01-01' }).expect(201);
      const exit = await t
        .http()
        .post('/practices/B20001/partners/4000002/exit')
        .send({ reason: 'retirement', effectiveDate: '2018-01-01' })
        .expect(201);
      const versionBefore = (await history('B20001')).streamVersion;
      const res = await t.http().post('/practices/B20001/partners/4000002/exit').send({ reason: 'resignation', effectiveDate: '2012-01-01' });
      expectProblem(res, 422, 'TIMELINE_CONFLICT');
      expect(res.body.conflictingEvent).toEqual(
        expect.objectContaining({ eventId: exit.body.eventId, type: 'PartnerExited', effectiveDate: '2018-01-01' }),
      );
      expect((await history('B20001')).streamVersion).toBe(versionBefore);
    });
  });

  it('decides on events another process appended since this one last read the practice', async () => {
    await open('C40001').expect(201);
    await t.http().post('/practices/C40001/list-size').send({ registeredPatients: 4000, effectiveDate: '2010-01-01' }).expect(201);
    // Another writer (a second API instance, an import) closes the practice behind this process's back.
    await t.runtime.eventStore.append([
      {
        streamId: 'practice-C40001',
        expectedVersion: 2,
        events: [
          {
            eventId: randomUUID(),
            type: 'PracticeClosed',
            data: { reason: 'contract ended' },
            effectiveDate: '2015-01-01',
            metadata: { recordedBy: 'elsewhere', correlationId: 'elsewhere', causationId: null },
          },
        ],
      },
    ]);
    const late = await t.http().post('/practices/C40001/list-size').send({ registeredPatients: 4100, effectiveDate: '2016-01-01' });
    expectProblem(late, 422, 'PRACTICE_CLOSED');
    const conditional = await t
      .http()
      .post('/practices/C40001/list-size')
      .set('If-Match', '2')
      .send({ registeredPatients: 4100, effectiveDate: '2011-01-01' });
    expectProblem(conditional, 412, 'STREAM_VERSION_MISMATCH');
    expect((await history('C40001')).streamVersion).toBe(3);
  });

  it('decides first on the practice as this process holds it, and again on the whole stream when another process appended', async () => {
    // The in-process projector would bring this process's copy of the stream up to date by itself: keep it still.
    const projector = t.app.get(ProjectorService);
    await projector.stop();
    try {
      await open('C40002').expect(201);
      const appendElsewhere = (expectedVersion: number, type: string, data: Record<string, unknown>, effectiveDate: string) =>
        t.runtime.eventStore.append([
          {
            streamId: 'practice-C40002',
            expectedVersion,
            events: [
              {
                eventId: randomUUID(),
                type,
                data,
                effectiveDate,
                metadata: { recordedBy: 'elsewhere', correlationId: 'elsewhere', causationId: null },
              },
            ],
          },
        ]);
      await appendElsewhere(1, 'PartnerJoined', { gmcNumber: '4099999', name: 'Dr Elsewhere' }, '2010-01-01');
      // Refused on the copy held here (no such partner), valid on the whole stream.
      const converted = await t.http().post('/practices/C40002/partners/4099999/salaried-conversion').send({ effectiveDate: '2012-01-01' });
      expect({ status: converted.status, version: converted.body.streamVersion }).toEqual({ status: 201, version: 3 });
      await appendElsewhere(3, 'ListSizeRecorded', { registeredPatients: 5000 }, '2013-01-01');
      // Valid on the copy held here, whose version is no longer the stream's.
      const listSize = await t.http().post('/practices/C40002/list-size').send({ registeredPatients: 5100, effectiveDate: '2014-01-01' });
      expect({ status: listSize.status, version: listSize.body.streamVersion }).toEqual({ status: 201, version: 5 });
      await appendElsewhere(5, 'ListSizeRecorded', { registeredPatients: 5200 }, '2015-01-01');
      // The client knows a newer version than the copy held here.
      const conditional = await t
        .http()
        .post('/practices/C40002/list-size')
        .set('If-Match', '6')
        .send({ registeredPatients: 5300, effectiveDate: '2016-01-01' });
      expect({ status: conditional.status, version: conditional.body.streamVersion }).toEqual({ status: 201, version: 7 });
      expect((await history('C40002')).events.map((e: { type: string }) => e.type)).toEqual([
        'PracticeOpened',
        'PartnerJoined',
        'PartnerConvertedToSalaried',
        'ListSizeRecorded',
        'ListSizeRecorded',
        'ListSizeRecorded',
        'ListSizeRecorded',
      ]);
    } finally {
      projector.start();
    }
  });

  describe('conditional, idempotent and concurrent writes', () => {
    beforeAll(async () => {
      await open('C30001').expect(201);
    });

    it('If-Match: 412 on a stale version, 201 on the current one (quoted or not)', async () => {
      const stale = await t.http().post('/practices/C30001/name').set('If-Match', '7').send({ name: 'N1', effectiveDate: '2010-01-01' });
      expectProblem(stale, 412, 'STREAM_VERSION_MISMATCH');
      await t.http().post('/practices/C30001/name').set('If-Match', '"1"').send({ name: 'N1', effectiveDate: '2010-01-01' }).expect(201);
      await t.http().post('/practices/C30001/name').set('If-Match', '2').send({ name: 'N2', effectiveDate: '2011-01-01' }).expect(201);
      expectProblem(
        await t.http().post('/practices/C30001/name').set('If-Match', 'abc').send({ name: 'N', effectiveDate: '2011-01-01' }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('Idempotency-Key: a retry returns the first answer and appends nothing; reuse for another body is refused', async () => {
      const body = { registeredPatients: 5000, effectiveDate: '2012-01-01' };
      const first = await t.http().post('/practices/C30001/list-size').set('Idempotency-Key', 'key-c30001-1').send(body).expect(201);
      const versionAfter = (await history('C30001')).streamVersion;
      const retry = await t.http().post('/practices/C30001/list-size').set('Idempotency-Key', 'key-c30001-1').send(body).expect(201);
      expect(retry.body).toEqual(first.body);
      expect((await history('C30001')).streamVersion).toBe(versionAfter);
      const reuse = await t
        .http()
        .post('/practices/C30001/list-size')
        .set('Idempotency-Key', 'key-c30001-1')
        .send({ ...body, registeredPatients: 6000 });
      expectProblem(reuse, 422, 'IDEMPOTENCY_KEY_REUSED');
    });

    it('concurrent writes to one practice without If-Match all succeed and none is lost', async () => {
      const before = (await history('C30001')).streamVersion;
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          t
            .http()
            .post('/practices/C30001/list-size')
            .send({ registeredPatients: 6000 + i, effectiveDate: `2013-01-${String(i + 1).padStart(2, '0')}` }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
      expect((await history('C30001')).streamVersion).toBe(before + 12);
    });
  });

  describe('feed', () => {
    it('pages through every event exactly once in commit order', async () => {
      const total = (await t.runtime.database.pool.query('select count(*)::int as n from event_store.events')).rows[0].n;
      const seen: string[] = [];
      let cursor: string | undefined;
      // The feed serves the stable part of the log: on a shared server, other suites' transactions can hold the last
      // events back for a moment, so follow it (as a reporting job would) until every stored event has come.
      await eventually(
        async () => {
          const res = await t
            .http()
            .get('/feed')
            .query(cursor ? { after: cursor, limit: 7 } : { limit: 7 })
            .expect(200);
          seen.push(...res.body.events.map((e: { eventId: string }) => e.eventId));
          cursor = res.body.nextCursor;
          return seen.length;
        },
        (count) => count >= total,
      );
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(total);
    });

    it('refuses a cursor it did not issue and a limit over 1000', async () => {
      expectProblem(await t.http().get('/feed').query({ after: 'nonsense' }), 400, 'INVALID_CURSOR');
      expectProblem(await t.http().get('/feed').query({ limit: 1001 }), 400, 'VALIDATION_FAILED');
    });
  });
});
