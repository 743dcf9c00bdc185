import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RecordedEvent } from '#event-store';
import { importOds } from '#ods-import';
import { practiceStreamId } from '#practices';
import { dayAfter, expectedCommissionerChanges, rawPractices, rawSpells } from './support/raw-ods.js';
import { openServerStore, type ServerStore } from '../../../test/support/server-store.js';

const FIXTURES = resolve('test/fixtures/ods');
const PRACTICES = join(FIXTURES, 'epraccur_slice_2019-10.csv');
const MEMBERSHIPS = join(FIXTURES, 'epcmem_slice_2019-10.csv');

/** The streams of every practice code named, in stream order (readAll would wait for other databases' transactions). */
async function allEvents(server: ServerStore, codes: readonly string[]): Promise<RecordedEvent[]> {
  const streams = await server.store.readStreams(codes.map(practiceStreamId));
  return [...streams.values()].flatMap((stream) => stream.events);
}

const countOf = (events: readonly RecordedEvent[], type: string) => events.filter((e) => e.type === type).length;

describe('import-ods into the event store', () => {
  let server: ServerStore;
  let scratch: string;
  const practices = rawPractices(PRACTICES);
  const spells = rawSpells(MEMBERSHIPS);
  const gpPractices = practices.filter((p) => p.setting === '4');
  const codes = [...practices.map((p) => p.code), 'Q99001', 'Q99002', 'Q99003', 'Q99004'];

  beforeAll(async () => {
    server = await openServerStore();
    scratch = mkdtempSync(join(tmpdir(), 'ods-import-'));
  });

  afterAll(async () => {
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('imports every GP practice of the slice with its real dates and commissioners', async () => {
    const report = await importOds(server.store, { practicesFile: PRACTICES, membershipsFile: MEMBERSHIPS, extractDate: '2019-10-01' });
    const events = await allEvents(server, codes);

    const closed = gpPractices.filter((p) => p.closed !== null);
    const changes = gpPractices.reduce((sum, p) => sum + expectedCommissionerChanges(p, spells), 0);
    expect(report.rowsRead).toEqual({ practices: practices.length, memberships: spells.length });
    expect(report.practices).toMatchObject({
      valid: gpPractices.length,
      otherSettings: practices.length - gpPractices.length,
      new: gpPractices.length,
    });
    expect(report.skipped).toEqual([]);
    expect(countOf(events, 'PracticeOpened')).toBe(gpPractices.length);
    expect(countOf(events, 'PracticeClosed')).toBe(closed.length);
    expect(countOf(events, 'CommissionerChanged')).toBe(changes);
    expect(report.eventsAppended).toBe(events.length);
    expect(events.length).toBe(gpPractices.length + closed.length + changes);

    for (const practice of gpPractices) {
      const stream = events.filter((e) => e.streamId === practiceStreamId(practice.code));
      const opened = stream.find((e) => e.type === 'PracticeOpened')!;
      const covering = spells.find((s) => s.code === practice.code && s.from <= practice.opened && (s.to === null || s.to >= practice.opened));
      expect(opened.effectiveDate).toBe(practice.opened);
      expect(opened.data).toMatchObject({ odsCode: practice.code, name: practice.name, commissionerCode: covering?.parent ?? null });
      expect(opened.metadata).toMatchObject({ recordedBy: 'ods-import', source: { file: 'epraccur_slice_2019-10.csv', line: practice.line } });
      const closure = stream.find((e) => e.type === 'PracticeClosed');
      expect(closure?.effectiveDate ?? null).toBe(practice.closed === null ? null : dayAfter(practice.closed));
    }
  });

  it('appends nothing when the same files are imported again', async () => {
    const before = (await allEvents(server, codes)).length;
    const report = await importOds(server.store, { practicesFile: PRACTICES, membershipsFile: MEMBERSHIPS, extractDate: '2019-10-01' });
    expect(report.eventsAppended).toBe(0);
    expect(report.practices).toMatchObject({ new: 0, updated: 0, unchanged: gpPractices.length });
    expect((await allEvents(server, codes)).length).toBe(before);
  });

  it('reports a malformed row with its file, line and reason, skips it and imports the rest', async () => {
    const fixture = readFileSync(PRACTICES, 'latin1').split('\r\n').filter(Boolean);
    const good = fixture[0].replace(/^"[A-Z]\d{5}","[^"]*"/, '"Q99001","NEW TEST SURGERY"');
    const badDate = fixture[1].replace(/^"[A-Z]\d{5}"/, '"Q99002"').replace(/"(19|20)\d{6}"/, '"2019-1x"');
    const tooShort = '"Q99003","SHORT ROW","Y63"';
    const brokenQuote = '"Q99004","BROKEN "QUOTE" SURGERY","Y63"';
    const file = join(scratch, 'epraccur_malformed.csv');
    writeFileSync(file, [...fixture, badDate, tooShort, brokenQuote, good, ''].join('\r\n'), 'latin1');

    const report = await importOds(server.store, { practicesFile: file, extractDate: '2019-10-01' });

    const line = (n: number) => fixture.length + n;
    expect(report.skipped).toEqual([
      { file: 'epraccur_malformed.csv', line: line(1), code: 'INVALID_DATE', reason: expect.stringMatching(/open date "2019-1x"/) },
      { file: 'epraccur_malformed.csv', line: line(2), code: 'WRONG_FIELD_COUNT', reason: 'expected 27 fields, found 3' },
      { file: 'epraccur_malformed.csv', line: line(3), code: 'UNREADABLE_CSV', reason: expect.stringMatching(/unreadable CSV/) },
    ]);
    // The new practice's row gives its commissioner since 2013 (without epcmem, nothing is known before).
    expect(report.eventsByType).toEqual({ PracticeOpened: 1, CommissionerChanged: 1 });
    const stream = await server.store.readStream(practiceStreamId('Q99001'));
    expect(stream.events[0].data).toMatchObject({ odsCode: 'Q99001', name: 'NEW TEST SURGERY' });
  });

  it('appends exactly the rename, the closure and the commissioner change of a newer file', async () => {
    const [renamed, closing, moving] = gpPractices.filter(
      (p) => p.closed === null && !spells.some((s) => s.code === p.code && s.to !== null && s.from > '2013-04-01'),
    );
    const newerPractices = readFileSync(PRACTICES, 'latin1')
      .split('\r\n')
      .map((row) => {
        if (row.startsWith(`"${renamed.code}"`)) return row.replace(`"${renamed.name}"`, '"CAFÉ ROYAL SURGERY"');
        if (row.startsWith(`"${closing.code}"`)) return row.replace(/^((?:"[^"]*",){11})"","[AD]"/, '$1"20191031","C"');
        return row;
      })
      .join('\r\n');
    const newerMemberships = readFileSync(MEMBERSHIPS, 'latin1')
      .split('\r\n')
      .flatMap((row) => {
        const openSpell = (code: string) => row.startsWith(`"${code}"`) && /"","[01]"$/.test(row);
        if (openSpell(closing.code)) return [row.replace(/"","([01])"$/, '"20191031","$1"')];
        if (openSpell(moving.code)) return [row.replace(/"","([01])"$/, '"20191130","$1"'), `"${moving.code}","99X","W","20191201","","0"`];
        return [row];
      })
      .join('\r\n');
    const practicesFile = join(scratch, 'epraccur_2019-12.csv');
    const membershipsFile = join(scratch, 'epcmem_2019-12.csv');
    writeFileSync(practicesFile, newerPractices, 'latin1');
    writeFileSync(membershipsFile, newerMemberships, 'latin1');
    const before = new Set((await allEvents(server, codes)).map((e) => e.eventId));

    const report = await importOds(server.store, { practicesFile, membershipsFile, extractDate: '2019-12-01' });

    const appended = (await allEvents(server, codes)).filter((e) => !before.has(e.eventId));
    expect(report.eventsAppended).toBe(3);
    expect(report.practices).toMatchObject({ new: 0, updated: 3 });
    expect(appended.map((e) => [e.streamId, e.type, e.effectiveDate, e.data]).sort()).toEqual(
      [
        [practiceStreamId(renamed.code), 'PracticeRenamed', '2019-12-01', { name: 'CAFÉ ROYAL SURGERY' }],
        [practiceStreamId(closing.code), 'PracticeClosed', '2019-11-01', { reason: 'closed in ODS (last day 2019-10-31)' }],
        [practiceStreamId(moving.code), 'CommissionerChanged', '2019-12-01', { commissionerCode: '99X' }],
      ].sort(),
    );
    expect(appended.find((e) => e.type === 'CommissionerChanged')!.metadata.source).toEqual({ file: 'epcmem_2019-12.csv', line: expect.any(Number) });
  });
});
