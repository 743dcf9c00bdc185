/** A small, deterministic history for the dashboard's tests and screenshots, written through the real write API. */
export type Post = (path: string, body: Record<string, unknown>) => Promise<{ eventId: string; position: string }>;

const partnership = (id: string, name: string) => ({ kind: 'partnership', id, name });

export interface SeededHistory {
  /** The event retracted on M92011 (a partner recorded by mistake). */
  readonly retractedEventId: string;
  /** The position of the last write, for minPosition. */
  readonly position: string;
}

export async function seedDashboardHistory(post: Post): Promise<SeededHistory> {
  // Wolverhampton (5E1): partnerships that later subcontract to the Royal Wolverhampton trust (RL4).
  await post('/practices', {
    odsCode: 'M92011',
    name: 'Lea Road Medical Practice',
    openedOn: '1998-04-01',
    commissionerCode: '5E1',
    contract: { type: 'GMS', holder: partnership('lea-road', 'Lea Road Partnership') },
  });
  await post('/practices/M92011/partners', { gmcNumber: '4012345', name: 'Dr Anna Patel', effectiveDate: '1998-04-01' });
  await post('/practices/M92011/partners', { gmcNumber: '4012346', name: 'Dr Ben Okafor', effectiveDate: '2001-09-01' });
  await post('/practices/M92011/list-size', { registeredPatients: 8200, effectiveDate: '2004-04-01' });
  const mistaken = await post('/practices/M92011/partners', { gmcNumber: '4999999', name: 'Dr Recorded Wrongly', effectiveDate: '2006-01-01' });
  await post(`/practices/M92011/events/${mistaken.eventId}/retract`, { reason: 'recorded against the wrong practice' });
  await post('/practices/M92011/federations', {
    federationId: 'wolverhampton-gp-federation',
    federationName: 'Wolverhampton GP Federation',
    effectiveDate: '2014-04-01',
  });
  await post('/practices/M92011/partners/4012346/salaried-conversion', { effectiveDate: '2016-04-01', employer: 'trust' });
  await post('/practices/M92011/subcontract', { trustCode: 'RL4', trustName: 'The Royal Wolverhampton NHS Trust', effectiveDate: '2016-06-01' });
  await post('/practices/M92011/pcn', { pcnCode: 'U55101', pcnName: 'Wolverhampton North PCN', effectiveDate: '2019-07-01' });

  await post('/practices', {
    odsCode: 'M92002',
    name: 'Penn Manor Medical Centre',
    openedOn: '1995-10-01',
    commissionerCode: '5E1',
    contract: { type: 'GMS', holder: { kind: 'individual', id: 'dr-rees', name: 'Dr Carys Rees' } },
  });
  await post('/practices/M92002/partners', { gmcNumber: '3011111', name: 'Dr Carys Rees', effectiveDate: '1995-10-01' });
  await post('/practices/M92002/list-size', { registeredPatients: 3100, effectiveDate: '2004-04-01' });
  await post('/practices/M92002/partners/3011111/exit', { reason: 'retirement', effectiveDate: '2017-03-31' });
  await post('/practices/M92002/subcontract', { trustCode: 'RL4', trustName: 'The Royal Wolverhampton NHS Trust', effectiveDate: '2017-04-01' });
  await post('/practices/M92002/salaried-gps', { gmcNumber: '6022222', name: 'Dr Dev Sharma', effectiveDate: '2017-04-01' });

  await post('/practices', {
    odsCode: 'M92003',
    name: 'Tettenhall Medical Practice',
    openedOn: '2002-04-01',
    commissionerCode: '5E1',
    contract: { type: 'PMS', holder: partnership('tettenhall', 'Tettenhall Partners') },
  });
  for (const [gmc, name] of [
    ['4033331', 'Dr Eve Morgan'],
    ['4033332', 'Dr Femi Adeyemi'],
    ['4033333', 'Dr Grace Liu'],
  ]) {
    await post('/practices/M92003/partners', { gmcNumber: gmc, name, effectiveDate: '2002-04-01' });
  }
  await post('/practices/M92003/list-size', { registeredPatients: 14500, effectiveDate: '2004-04-01' });
  await post('/practices/M92003/partners/4033333/exit', { reason: 'resignation', effectiveDate: '2012-06-30' });
  await post('/practices/M92003/salaried-gps', { gmcNumber: '6033334', name: 'Dr Hana Novak', effectiveDate: '2012-09-01' });
  await post('/practices/M92003/federations', {
    federationId: 'wolverhampton-gp-federation',
    federationName: 'Wolverhampton GP Federation',
    effectiveDate: '2015-01-01',
  });

  // Elsewhere (00K, QOP): a company-held APMS practice, a partnership in a PCN, and one that closes.
  await post('/practices', {
    odsCode: 'A81001',
    name: 'The Densham Surgery',
    openedOn: '1990-01-01',
    commissionerCode: '00K',
    contract: { type: 'GMS', holder: partnership('densham', 'Densham Partnership') },
  });
  await post('/practices/A81001/partners', { gmcNumber: '2044441', name: 'Dr Ian Walsh', effectiveDate: '1990-01-01' });
  await post('/practices/A81001/partners', { gmcNumber: '2044442', name: 'Dr Jo Evans', effectiveDate: '2008-05-01' });
  await post('/practices/A81001/list-size', { registeredPatients: 6400, effectiveDate: '2004-04-01' });
  await post('/practices/A81001/pcn', { pcnCode: 'U12345', pcnName: 'Stockton Central PCN', effectiveDate: '2019-07-01' });

  await post('/practices', {
    odsCode: 'A81002',
    name: 'Queens Park Medical Centre',
    openedOn: '2009-04-01',
    commissionerCode: '00K',
    contract: { type: 'APMS', holder: { kind: 'company', id: 'primecare-ltd', name: 'Primecare Ltd' } },
  });
  await post('/practices/A81002/salaried-gps', { gmcNumber: '6055551', name: 'Dr Kim Lee', effectiveDate: '2009-04-01' });
  await post('/practices/A81002/salaried-gps', { gmcNumber: '6055552', name: 'Dr Lars Berg', effectiveDate: '2011-01-01' });
  await post('/practices/A81002/list-size', { registeredPatients: 112000, effectiveDate: '2015-04-01' });

  await post('/practices', {
    odsCode: 'Y02001',
    name: 'Northgate Practice',
    openedOn: '2005-06-01',
    commissionerCode: 'QOP',
    contract: { type: 'PMS', holder: partnership('northgate', 'Northgate Partners') },
  });
  await post('/practices/Y02001/partners', { gmcNumber: '5066661', name: 'Dr Mo Farouk', effectiveDate: '2005-06-01' });
  await post('/practices/Y02001/commissioner', { commissionerCode: '14L', effectiveDate: '2013-04-01' });
  await post('/practices/Y02001/close', { reason: 'list dispersed', effectiveDate: '2018-04-01' });

  // Learned late: a rename effective in 2014, recorded after everything else (known-at shows the old belief).
  const last = await post('/practices/M92003/name', { name: 'Tettenhall Wood Medical Practice', effectiveDate: '2014-01-01' });
  return { retractedEventId: mistaken.eventId, position: last.position };
}
