import type { PracticeSnapshot, PracticeVersion } from '#practices';
import { diffVersions } from './practice-version.js';

const state = (fields: Record<string, unknown>) => fields as unknown as PracticeSnapshot;
const version = (validFrom: string, validTo: string | null, fields: Record<string, unknown>): PracticeVersion => ({
  validFrom,
  validTo,
  state: state(fields),
});

describe('diffVersions: which believed versions a plan closes and which it inserts', () => {
  const opened = version('2010-04-01', '2012-01-01', { name: 'Church Street', partners: ['4012345'] });
  const lastBefore = version('2012-01-01', null, { name: 'Church Street', partners: ['4012345', '4012346'] });

  it('given an extension that keeps the same version objects, then only the replaced tail differs', () => {
    const cut = { ...lastBefore, validTo: '2015-01-01' };
    const next = version('2015-01-01', null, { name: 'Church Street', partners: ['4012346'] });
    expect(diffVersions([opened, lastBefore], [opened, cut, next])).toEqual({ removed: [lastBefore], added: [cut, next] });
  });

  it('given a refold that builds equal versions anew, with keys in another order, then nothing changes', () => {
    const rebuilt = [version('2010-04-01', '2012-01-01', { partners: ['4012345'], name: 'Church Street' }), { ...lastBefore }];
    expect(diffVersions([opened, lastBefore], rebuilt)).toEqual({ removed: [], added: [] });
  });

  it('given the same bounds with another state, or the same state with other bounds, then the version is replaced', () => {
    const renamed = version('2010-04-01', '2012-01-01', { name: 'Church St Surgery', partners: ['4012345'] });
    const longer = { ...opened, validTo: '2013-01-01' };
    expect(diffVersions([opened], [renamed])).toEqual({ removed: [opened], added: [renamed] });
    expect(diffVersions([opened], [longer])).toEqual({ removed: [opened], added: [longer] });
  });

  it('given a retraction that removes a version, then it is removed and nothing is added', () => {
    expect(diffVersions([opened, lastBefore], [opened])).toEqual({ removed: [lastBefore], added: [] });
  });
});
