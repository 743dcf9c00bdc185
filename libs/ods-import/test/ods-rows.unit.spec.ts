import { extractDateFromFileName } from '#ods-import';
import { parseMembershipRow } from '../src/epcmem.row.js';
import { parsePracticeRow } from '../src/epraccur.row.js';
import { commissionerHistory, type SourcedSpell } from '../src/commissioner-spells.js';

/** An epraccur row: 27 fields, with the ones the importer reads set from `fields`. */
function practiceRow(fields: {
  code?: string;
  name?: string;
  open?: string;
  close?: string;
  status?: string;
  commissioner?: string;
  setting?: string;
}): string[] {
  const row = Array.from({ length: 27 }, () => '');
  row[0] = fields.code ?? 'A81001';
  row[1] = fields.name ?? 'THE DENSHAM SURGERY';
  row[10] = fields.open ?? '19740401';
  row[11] = fields.close ?? '';
  row[12] = fields.status ?? 'A';
  row[14] = fields.commissioner ?? '00K';
  row[15] = '20130401';
  row[25] = fields.setting ?? '4';
  return row;
}

describe('epraccur rows', () => {
  it('reads a valid practice', () => {
    expect(parsePracticeRow(practiceRow({}))).toEqual({
      ok: true,
      value: {
        odsCode: 'A81001',
        name: 'THE DENSHAM SURGERY',
        openedOn: '1974-04-01',
        closedOn: null,
        status: 'A',
        prescribingSetting: 4,
        commissioner: { code: '00K', from: '2013-04-01', to: null },
      },
    });
  });

  it.each([
    [{ open: '19740431' }, 'INVALID_DATE'],
    [{ open: '' }, 'INVALID_DATE'],
    [{ close: '19700101', status: 'C' }, 'DATES_OUT_OF_ORDER'],
    [{ status: 'C' }, 'INVALID_DATE'],
    [{ status: 'X' }, 'INVALID_STATUS'],
    [{ code: 'A8100' }, 'INVALID_ODS_CODE'],
    [{ name: '  ' }, 'MISSING_NAME'],
    [{ commissioner: 'not a code' }, 'INVALID_COMMISSIONER'],
    [{ setting: 'four' }, 'INVALID_SETTING'],
  ])('refuses %j with %s', (fields, code) => {
    expect(parsePracticeRow(practiceRow(fields))).toMatchObject({ ok: false, code });
  });

  it('refuses a row with the wrong number of fields', () => {
    expect(parsePracticeRow(['A81001', 'SHORT'])).toEqual({ ok: false, code: 'WRONG_FIELD_COUNT', reason: 'expected 27 fields, found 2' });
  });
});

describe('epcmem rows', () => {
  it('reads a spell, open-ended or not', () => {
    expect(parseMembershipRow(['A81001', '5E1', 'W', '20010401', '20130331', '0'], 7)).toEqual({
      ok: true,
      value: { odsCode: 'A81001', commissionerCode: '5E1', from: '2001-04-01', to: '2013-03-31', line: 7 },
    });
    expect(parseMembershipRow(['A81001', '00K', 'W', '20130401', '', '0'], 8)).toMatchObject({ ok: true, value: { to: null } });
  });

  it('refuses a spell that ends before it starts', () => {
    expect(parseMembershipRow(['A81001', '5E1', 'W', '20130401', '20010331', '0'], 9)).toMatchObject({ ok: false, code: 'DATES_OUT_OF_ORDER' });
  });
});

describe('commissioner history from spells', () => {
  const spell = (line: number, code: string, from: string, to: string | null): SourcedSpell => ({
    commissionerCode: code,
    from,
    to,
    source: { file: 'epcmem.csv', line },
  });

  it('takes the spell covering the open date as the opening commissioner, clamping one that began earlier', () => {
    const history = commissionerHistory({ openedOn: '2000-06-01', closedOn: null }, [
      spell(1, '4QP36', '1999-04-01', '2001-03-31'),
      spell(2, '5E1', '2001-04-01', '2013-03-31'),
      spell(3, '00K', '2013-04-01', null),
    ]);
    expect(history.opening).toEqual({ commissionerCode: '4QP36', source: { file: 'epcmem.csv', line: 1 } });
    expect(history.changes.map((c) => [c.effectiveDate, c.commissionerCode])).toEqual([
      ['2001-04-01', '5E1'],
      ['2013-04-01', '00K'],
    ]);
    expect(history.skipped).toEqual([]);
  });

  it('has no commissioner the day after a spell ends with no next spell, unless the practice has closed by then', () => {
    const gap = commissionerHistory({ openedOn: '1974-04-01', closedOn: null }, [
      spell(1, '5E1', '2001-04-01', '2013-03-31'),
      spell(2, '00K', '2013-06-01', null),
    ]);
    expect(gap.changes.map((c) => [c.effectiveDate, c.commissionerCode])).toEqual([
      ['2001-04-01', '5E1'],
      ['2013-04-01', null],
      ['2013-06-01', '00K'],
    ]);
    const closed = commissionerHistory({ openedOn: '1974-04-01', closedOn: '2017-10-31' }, [spell(1, '00K', '2013-04-01', '2017-10-31')]);
    expect(closed.changes.map((c) => [c.effectiveDate, c.commissionerCode])).toEqual([['2013-04-01', '00K']]);
  });

  it('skips spells outside the practice life and overlapping ones, with reasons', () => {
    const history = commissionerHistory({ openedOn: '2005-01-01', closedOn: '2015-12-31' }, [
      spell(1, '5E1', '2001-04-01', '2004-12-31'),
      spell(2, '5QC', '2005-01-01', null),
      spell(3, '00K', '2013-04-01', null),
      spell(4, '15N', '2016-04-01', null),
    ]);
    expect(history.skipped.map((s) => [s.line, s.code])).toEqual([
      [1, 'SPELL_OUTSIDE_PRACTICE_LIFE'],
      [3, 'OVERLAPPING_SPELL'],
      [4, 'SPELL_OUTSIDE_PRACTICE_LIFE'],
    ]);
    expect(history.opening.commissionerCode).toBe('5QC');
  });
});

describe('extract date from a file name', () => {
  it.each([
    ['epraccur_2019-10.csv', '2019-10-01'],
    ['epraccur-20191015.csv', '2019-10-15'],
    ['epraccur.csv', null],
    ['epraccur_2019-13.csv', null],
  ])('%s → %s', (name, date) => {
    expect(extractDateFromFileName(name)).toBe(date);
  });
});
