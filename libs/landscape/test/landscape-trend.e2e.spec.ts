import { eventually } from '../../../test/support/eventually.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

const contract = (id: string, kind = 'partnership') => ({ type: 'GMS', holder: { kind, id, name: `Holder ${id}` } });

describe('GET /landscape/trend over HTTP', () => {
  let t: TestApp;
  let position: string;

  const write = async (path: string, body: object) => {
    position = (await t.http().post(path).send(body).expect(201)).body.position;
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
      odsCode: 'M92013',
      name: 'High Street',
      openedOn: '2015-06-01',
      commissionerCode: '00K',
      contract: contract('high-street', 'individual'),
    });
    await write('/practices/M92011/partners', { gmcNumber: '4012345', name: 'Dr A', effectiveDate: '2010-04-01' });
    await write('/practices/M92011/list-size', { registeredPatients: 25_000, effectiveDate: '2016-01-01' });
    await write('/practices/M92011/subcontract', { trustCode: 'RL4', trustName: 'Royal Wolverhampton', effectiveDate: '2016-04-01' });
    await write('/practices/M92013/close', { reason: 'retirement', effectiveDate: '2020-01-01' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the figures on every date of the series, stating the knownAt used', async () => {
    // minPosition waits 5 s at most; on a machine busy enough the projector can take longer (503): ask again.
    const trend = () => t.http().get('/landscape/trend').query({ from: '2015-01-01', to: '2020-06-30', every: 'year', minPosition: position });
    const { status, body } = await eventually(trend, (response) => response.status !== 503);
    expect(status).toBe(200);
    expect(Date.parse(body.knownAt)).toBeLessThanOrEqual(Date.now());
    expect(body.every).toBe('year');
    expect(body.points.map((p: { asOf: string }) => p.asOf)).toEqual([
      '2015-01-01',
      '2016-01-01',
      '2017-01-01',
      '2018-01-01',
      '2019-01-01',
      '2020-01-01',
    ]);
    expect(body.points.map((p: { practices: { open: number } }) => p.practices.open)).toEqual([1, 2, 2, 2, 2, 1]);
    expect(body.points[2]).toEqual({
      asOf: '2017-01-01',
      practices: { open: 2 },
      byContractType: { GMS: 2 },
      gps: { partners: 1, salaried: 0, salariedShare: 0 },
      subcontracted: { total: 1, byTrust: { RL4: 1 } },
      federations: { practicesInFederation: 0 },
      pcns: { practicesInPcn: 0 },
      singleHanded: 1,
      withoutPartners: 1,
      registeredPatients: 25_000,
      providers: {
        total: 2,
        byPopulationBand: [
          { min: 0, max: 20_000, providers: 1, registeredPatients: 0 },
          { min: 20_000, max: 100_000, providers: 1, registeredPatients: 25_000 },
          { min: 100_000, max: null, providers: 0, registeredPatients: 0 },
        ],
      },
    });
  });

  it('restricts to the commissioners asked for, one or several', async () => {
    const one = await t
      .http()
      .get('/landscape/trend')
      .query({ from: '2016-01-01', to: '2016-01-01', commissioner: '00K', minPosition: position })
      .expect(200);
    expect(one.body.points[0].practices.open).toBe(1);
    const both = await t.http().get('/landscape/trend?from=2016-01-01&to=2016-01-01&commissioner=00K&commissioner=5E1').expect(200);
    expect(both.body.points[0].practices.open).toBe(2);
    const summary = await t.http().get('/landscape/summary?asOf=2016-01-01&commissioner=5E1&commissioner=Q99').expect(200);
    expect(summary.body).toMatchObject({ practices: { open: 1 }, byCommissioner: { '5E1': 1 } });
  });

  it.each([
    [{ from: '2016-02-30', to: '2017-01-01' }, 'from'],
    [{ from: '2016-01-01', to: '2017-13-01' }, 'to'],
    [{ from: '2017-01-01', to: '2016-01-01' }, 'to'],
    [{ from: '2000-01-01', to: '2033-05-01', every: 'month' }, 'to'],
    [{ from: '2000-01-01', to: '2001-01-01', every: 'week' }, 'every'],
    [{ from: '2000-01-01', to: '2001-01-01', commissioner: 'bad!' }, 'commissioner'],
    [{ from: '2000-01-01', to: '2001-01-01', colour: 'red' }, 'colour'],
    [{ to: '2001-01-01' }, 'from'],
  ])('refuses %j as problem+json naming %s', async (query, field) => {
    const response = await t.http().get('/landscape/trend').query(query).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('says why a span is refused', async () => {
    const tooLong = await t.http().get('/landscape/trend').query({ from: '2000-01-01', to: '2100-01-01', every: 'quarter' }).expect(400);
    expect(tooLong.body.errors).toEqual([{ field: 'to', message: 'to must be less than 400 intervals after from (at most 400 dates)' }]);
    const backwards = await t.http().get('/landscape/trend').query({ from: '2001-01-01', to: '2000-12-31' }).expect(400);
    expect(backwards.body.errors).toEqual([{ field: 'to', message: 'to must not be before from' }]);
  });

  it('accepts exactly 400 dates', async () => {
    const { body } = await t.http().get('/landscape/trend').query({ from: '2000-01-01', to: '2033-04-01', every: 'month' }).expect(200);
    expect(body.points).toHaveLength(400);
  });

  it('documents the repeatable commissioner parameter and the points in the OpenAPI document', async () => {
    const { body } = await t.http().get('/docs-json').expect(200);
    const commissioner = body.paths['/landscape/trend'].get.parameters.find((p: { name: string }) => p.name === 'commissioner');
    expect(commissioner).toMatchObject({ in: 'query', required: false, schema: { type: 'array', items: { type: 'string' } } });
    expect(body.paths['/landscape/trend'].get.summary).toMatch(/every date/);
    expect(Object.keys(body.components.schemas)).toEqual(expect.arrayContaining(['LandscapeTrendDoc', 'TrendPointDoc']));
  });

  it('refuses a bad commissioner on the summary too', async () => {
    const response = await t.http().get('/landscape/summary?commissioner=00K&commissioner=x').expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('commissioner');
  });
});
