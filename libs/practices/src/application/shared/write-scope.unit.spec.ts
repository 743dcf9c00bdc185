import type { TimelineEvent } from '../../domain/index.js';
import { checkWriteScope, OutOfScopeError } from './write-scope.js';

let version = 0;
const at = (
  effectiveDate: string,
  event: TimelineEvent['event'],
  eventId = `00000000-0000-4000-8000-${String(++version).padStart(12, '0')}`,
): TimelineEvent => ({
  eventId,
  event,
  effectiveDate,
  streamVersion: version,
  recordedAt: '2024-01-01T00:00:00.000Z',
});

// A practice commissioned by QOP, then by 5E1 from 2013-04-01 (as a PCT's practices moved to a CCG).
const moved = [
  at('2004-04-01', { type: 'PracticeOpened', data: { odsCode: 'M92011', name: 'Surgery', commissionerCode: 'QOP', contract: null } }),
  at('2013-04-01', { type: 'CommissionerChanged', data: { commissionerCode: '5E1' } }),
  at('2010-06-01', { type: 'ListSizeRecorded', data: { registeredPatients: 5000 } }, 'aaaaaaaa-0000-4000-8000-000000000001'),
];
const scope = ['5E1'];
const refused = (run: () => void) => expect(run).toThrow(OutOfScopeError);

describe('write scope of a principal scoped to commissioners', () => {
  it('lets an unscoped principal write anything', () => {
    expect(() =>
      checkWriteScope(null, { type: 'RecordListSize', odsCode: 'M92011', registeredPatients: 1, effectiveDate: '2005-01-01' }, { practice: moved }),
    ).not.toThrow();
  });

  it("judges a dated change on the practice's commissioner on its effective date", () => {
    refused(() =>
      checkWriteScope(scope, { type: 'RecordListSize', odsCode: 'M92011', registeredPatients: 1, effectiveDate: '2013-03-31' }, { practice: moved }),
    );
    expect(() =>
      checkWriteScope(scope, { type: 'RecordListSize', odsCode: 'M92011', registeredPatients: 1, effectiveDate: '2013-04-01' }, { practice: moved }),
    ).not.toThrow();
  });

  it('judges a new practice on the commissioner it opens with, and one with none as out of scope', () => {
    const open = (commissionerCode: string | null) => ({
      type: 'OpenPractice' as const,
      odsCode: 'M92012',
      name: 'New',
      openedOn: '2020-01-01',
      commissionerCode,
    });
    expect(() => checkWriteScope(scope, open('5E1'), { practice: [] })).not.toThrow();
    refused(() => checkWriteScope(scope, open('QOP'), { practice: [] }));
    refused(() => checkWriteScope(scope, open(null), { practice: [] }));
  });

  it('judges a retraction on the date of the event it retracts', () => {
    refused(() =>
      checkWriteScope(
        scope,
        { type: 'RetractEvent', odsCode: 'M92011', eventId: 'AAAAAAAA-0000-4000-8000-000000000001', reason: 'typo' },
        { practice: moved },
      ),
    );
  });

  it('needs both practices of a merge in scope, and a date before opening is out of scope', () => {
    const into = [at('2004-04-01', { type: 'PracticeOpened', data: { odsCode: 'M92013', name: 'Other', commissionerCode: 'QOP', contract: null } })];
    refused(() =>
      checkWriteScope(
        scope,
        { type: 'MergePractice', odsCode: 'M92011', intoOdsCode: 'M92013', effectiveDate: '2018-01-01' },
        { practice: moved, into },
      ),
    );
    refused(() =>
      checkWriteScope(scope, { type: 'RecordListSize', odsCode: 'M92011', registeredPatients: 1, effectiveDate: '2001-01-01' }, { practice: moved }),
    );
  });

  it('leaves a practice that does not exist to the decider', () => {
    expect(() =>
      checkWriteScope(scope, { type: 'RecordListSize', odsCode: 'M99999', registeredPatients: 1, effectiveDate: '2013-04-01' }, { practice: [] }),
    ).not.toThrow();
  });
});
