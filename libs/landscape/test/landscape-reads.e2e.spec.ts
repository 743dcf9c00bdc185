import { encodeCursor } from '#event-store';
import { eventually } from '../../../test/support/eventually.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

const contract = (id: string, kind = 'partnership') => ({ type: 'GMS', holder: { kind, id, name: `Holder ${id}` } });

describe('landscape reads over HTTP (projector running in the app)', () => {
  let t: TestApp;
  let position: string;

  const write = async (path: string, body: object) => {
    const response = await t.http().post(path).send(body).expect(201);
    position = response.body.position;
    return response.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await write('/practices', {
      odsCode: 'M92011',
      name: 'Church Street',
      openedOn: '2010-04-01',
      commissionerCode: '5E1',
      contract: contract('church-street'),
    });
    await write('/practices', {
      odsCode: 'M92012',
      name: 'Mill Lane',
      openedOn: '2012-01-01',
      commissionerCode: '5E1',
      contract: contract('mill-lane'),
    });
    await write('/practices', {
      odsCode: 'M92013',
      name: 'High Street',
      openedOn: '2015-06-01',
      commissionerCode: '00K',
      contract: contract('high-street', 'individual'),
    });
    await write('/practices/M92011/partners', { gmcNumber: '4012345', name: 'Dr A', effectiveDate: '2010-04-01' });
    await write('/practices/M92013/partners', { gmcNumber: '4012346', name: 'Dr B', effectiveDate: '2015-06-01' });
    await write('/practices/M92011/list-size', { registeredPatients: 25_000, effectiveDate: '2016-01-01' });
    await write('/practices/M92012/list-size', { registeredPatients: 8_000, effectiveDate: '2016-01-01' });
    await write('/practices/M92013/list-size', { registeredPatients: 3_000, effectiveDate: '2016-01-01' });
    await write('/practices/M92012/subcontract', { trustCode: 'RL4', trustName: 'Royal Wolverhampton', effectiveDate: '2016-04-01' });
    await write('/practices/M92012/federations', {
      federationId: 'wolverhampton-gp-federation',
      federationName: 'Wolverhampton GP Federation',
      effectiveDate: '2016-04-01',
    });
    await write('/practices/M92013/close', { reason: 'retirement', effectiveDate: '2020-01-01' });
    // minPosition waits 5 s at most; a busy shared server can hold the projection back longer (503): ask again.
    const projected = () => t.http().get('/landscape/summary').query({ minPosition: position });
    expect((await eventually(projected, (response) => response.status === 200)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /practices/{ods} waits for minPosition and answers the state on asOf, stating asOf and the knownAt used', async () => {
    const { body } = await t.http().get('/practices/M92012').query({ asOf: '2017-01-01', minPosition: position }).expect(200);
    expect(body).toMatchObject({
      odsCode: 'M92012',
      status: 'open',
      provider: { kind: 'nhs-trust', id: 'RL4', name: 'Royal Wolverhampton' },
      subcontract: { trustCode: 'RL4', since: '2016-04-01' },
      federations: [{ federationId: 'wolverhampton-gp-federation', since: '2016-04-01' }],
      registeredPatients: 8000,
      asOf: '2017-01-01',
    });
    expect(Date.parse(body.knownAt)).toBeLessThanOrEqual(Date.now());
  });

  it('answers 404 for a practice that did not exist on asOf, or is unknown', async () => {
    const before = await t.http().get('/practices/M92013').query({ asOf: '2015-05-31', minPosition: position }).expect(404);
    expect(before.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(before.body).toMatchObject({ status: 404, code: 'PRACTICE_NOT_FOUND' });
    await t.http().get('/practices/Z99999').query({ minPosition: position }).expect(404);
  });

  it('honours knownAt: before the writes nothing was known', async () => {
    const { body } = await t.http().get('/practices').query({ knownAt: '2001-01-01T00:00:00Z', status: 'all', minPosition: position }).expect(200);
    expect(body).toMatchObject({ knownAt: '2001-01-01T00:00:00.000Z', total: 0, items: [], nextCursor: null });
  });

  it('clamps a future knownAt to the stable horizon and says so', async () => {
    const { body } = await t.http().get('/landscape/summary').query({ knownAt: '2199-01-01T00:00:00Z', minPosition: position }).expect(200);
    expect(Date.parse(body.knownAt)).toBeLessThanOrEqual(Date.now());
  });

  it('GET /practices filters and pages with an opaque cursor', async () => {
    const first = await t.http().get('/practices').query({ asOf: '2021-01-01', status: 'all', limit: 2, minPosition: position }).expect(200);
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((p: { odsCode: string }) => p.odsCode)).toEqual(['M92011', 'M92012']);
    const second = await t.http().get('/practices').query({ status: 'all', limit: 2, cursor: first.body.nextCursor }).expect(200);
    expect(second.body).toMatchObject({ asOf: '2021-01-01', knownAt: first.body.knownAt, total: 3, nextCursor: null });
    expect(second.body.items.map((p: { odsCode: string }) => p.odsCode)).toEqual(['M92013']);

    const closed = await t.http().get('/practices').query({ asOf: '2021-01-01', status: 'closed' }).expect(200);
    expect(closed.body.items.map((p: { odsCode: string }) => p.odsCode)).toEqual(['M92013']);
    const trust = await t.http().get('/practices').query({ asOf: '2017-01-01', trust: 'RL4' }).expect(200);
    expect(trust.body.items.map((p: { odsCode: string }) => p.odsCode)).toEqual(['M92012']);
    const federation = await t.http().get('/practices').query({ asOf: '2015-01-01', federation: 'wolverhampton-gp-federation' }).expect(200);
    expect(federation.body.total).toBe(0);
    const kind = await t
      .http()
      .get('/practices')
      .query({ asOf: '2017-01-01', holderKind: 'individual', commissioner: '00K', contractType: 'GMS' })
      .expect(200);
    expect(kind.body.items.map((p: { odsCode: string }) => p.odsCode)).toEqual(['M92013']);
  });

  it('GET /landscape/summary gives every figure, with population bands', async () => {
    const { body } = await t.http().get('/landscape/summary').query({ asOf: '2017-01-01', bands: '5000,20000' }).expect(200);
    expect(body).toMatchObject({
      asOf: '2017-01-01',
      practices: { open: 3 },
      byCommissioner: { '00K': 1, '5E1': 2 },
      byContractType: { GMS: 3 },
      byHolderKind: { individual: 1, partnership: 2 },
      gps: { partners: 2, salaried: 0, salariedShare: 0 },
      singleHanded: 2,
      withoutPartners: 0,
      subcontracted: { total: 1, byTrust: { RL4: 1 } },
      federations: { practicesInFederation: 1, byFederation: { 'wolverhampton-gp-federation': 1 } },
      pcns: { practicesInPcn: 0, pcns: 0 },
      registeredPatients: 36_000,
      providers: {
        total: 3,
        byPopulationBand: [
          { min: 0, max: 5000, providers: 1, registeredPatients: 3000 },
          { min: 5000, max: 20000, providers: 1, registeredPatients: 8000 },
          { min: 20000, max: null, providers: 1, registeredPatients: 25000 },
        ],
      },
    });
    const defaults = await t.http().get('/landscape/summary').query({ asOf: '2017-01-01' }).expect(200);
    expect(defaults.body.providers.byPopulationBand.map((b: { min: number; max: number | null }) => [b.min, b.max])).toEqual([
      [0, 20000],
      [20000, 100000],
      [100000, null],
    ]);
  });

  it('GET /landscape/diff names what changed per practice between two dates', async () => {
    const { body } = await t.http().get('/landscape/diff').query({ from: '2015-01-01', to: '2021-01-01' }).expect(200);
    const byOds = Object.fromEntries(body.items.map((item: { odsCode: string }) => [item.odsCode, item]));
    expect(byOds.M92013).toMatchObject({ change: 'appeared', changes: { status: { from: null, to: 'closed' } } });
    expect(byOds.M92012).toMatchObject({ change: 'changed', changes: { provider: { from: { id: 'mill-lane' }, to: { id: 'RL4' } } } });
    expect(byOds.M92011.changes).toEqual({ registeredPatients: { from: null, to: 25000 } });
  });

  it('GET /providers lists providers with their open practices and patients', async () => {
    const { body } = await t.http().get('/providers').query({ asOf: '2017-01-01' }).expect(200);
    expect(body.total).toBe(3);
    expect(body.items[0]).toEqual({
      kind: 'partnership',
      id: 'church-street',
      name: 'Holder church-street',
      practices: 1,
      registeredPatients: 25000,
      odsCodes: ['M92011'],
    });
    expect(body.items.find((p: { id: string }) => p.id === 'RL4')).toMatchObject({ kind: 'nhs-trust', odsCodes: ['M92012'] });
  });

  it('GET /reports/practices.csv streams one row per practice with the moment in headers', async () => {
    const response = await t.http().get('/reports/practices.csv').query({ asOf: '2021-01-01' }).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['x-as-of']).toBe('2021-01-01');
    expect(Date.parse(response.headers['x-known-at'])).not.toBeNaN();
    const lines = response.text.trim().split('\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['odsCode', 'name', 'status']);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['M92011', 'M92012', 'M92013']);
  });

  it.each([
    ['/practices', { asOf: '2023-02-29' }, 'asOf'],
    ['/practices', { knownAt: 'yesterday' }, 'knownAt'],
    ['/practices', { status: 'gone' }, 'status'],
    ['/practices', { limit: '1001' }, 'limit'],
    ['/practices', { limit: '0' }, 'limit'],
    ['/practices', { commissioner: '5e1' }, 'commissioner'],
    ['/practices', { trust: 'XL4' }, 'trust'],
    ['/practices', { pcn: 'U1234' }, 'pcn'],
    ['/practices', { federation: 'Not A Slug' }, 'federation'],
    ['/practices', { contractType: 'NHS' }, 'contractType'],
    ['/practices', { cursor: 'garbage' }, 'cursor'],
    ['/practices', { minPosition: 'garbage' }, 'minPosition'],
    ['/practices', { colour: 'blue' }, 'colour'],
    ['/practices/m92011', {}, 'ods'],
    ['/landscape/summary', { bands: '100000,20000' }, 'bands'],
    ['/landscape/diff', { from: '2016-01-01' }, 'to'],
    ['/providers', { asOf: '2016-13-01' }, 'asOf'],
    ['/reports/practices.csv', { knownAt: '2016-01-01' }, 'knownAt'],
  ])('GET %s with %j is a 400 problem naming %s', async (path, query, field) => {
    const response = await t.http().get(path).query(query).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('documents every read route, its parameters and error responses in the OpenAPI document', async () => {
    const { body } = await t.http().get('/docs-json').expect(200);
    const parameters = (path: string) => body.paths[path].get.parameters.map((p: { name: string }) => p.name).sort();
    const common = ['asOf', 'knownAt', 'minPosition'];
    expect(parameters('/practices')).toEqual(
      [...common, 'status', 'commissioner', 'contractType', 'holderKind', 'trust', 'federation', 'pcn', 'limit', 'cursor'].sort(),
    );
    expect(parameters('/practices/{ods}')).toEqual([...common, 'ods'].sort());
    expect(parameters('/landscape/summary')).toEqual([...common, 'bands', 'commissioner'].sort());
    expect(parameters('/landscape/trend')).toEqual(['bands', 'commissioner', 'every', 'from', 'knownAt', 'minPosition', 'to']);
    expect(parameters('/landscape/diff')).toEqual(['from', 'knownAt', 'minPosition', 'to']);
    expect(parameters('/providers')).toEqual(common);
    expect(parameters('/reports/practices.csv')).toEqual(common);
    for (const path of [
      '/practices',
      '/practices/{ods}',
      '/landscape/summary',
      '/landscape/trend',
      '/landscape/diff',
      '/providers',
      '/reports/practices.csv',
    ]) {
      expect(Object.keys(body.paths[path].get.responses)).toEqual(expect.arrayContaining(['200', '400', '503']));
    }
  });

  it('answers 503 with Retry-After when minPosition is not reached in time', async () => {
    const ahead = encodeCursor({ transactionId: '999999999999', position: '999999999999' });
    const response = await t.http().get('/landscape/summary').query({ minPosition: ahead }).expect(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(response.body).toMatchObject({ status: 503, code: 'PROJECTION_BEHIND' });
  });
});
