import { stateAt, type PracticeEvent, type TimelineEvent } from '#practices';
import type { VersionRowInsert } from '../../src/read-models/practice-versions/version-changes.js';

/** The one version of a practice just opened (no contract), believed from 2024-01-01: a row for the encoders' tests. */
export function openedPracticeVersion(name: string, openedOn: string): VersionRowInsert {
  const opened = {
    type: 'PracticeOpened',
    data: { odsCode: 'M92011', name, openedOn, commissionerCode: '5E1', contract: null },
  } as unknown as PracticeEvent;
  const history = [
    { eventId: 'e1', streamVersion: 1, effectiveDate: openedOn, recordedAt: '2024-01-01T00:00:00.000Z', event: opened },
  ] as unknown as TimelineEvent[];
  const state = stateAt(history, '2011-01-01', '2024-01-02T00:00:00.000Z')!;
  return { odsCode: 'M92011', validFrom: openedOn, validTo: null, recordedFrom: '2024-01-01T00:00:00.000Z', recordedTo: null, state };
}
