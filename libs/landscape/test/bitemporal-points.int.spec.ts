import { BitemporalPoints1763856800000 } from '../src/migrations/1763856800000-bitemporal-points.js';
import { bitemporalAtSql, recordedAtSql, validOnSql } from '../src/schema/bitemporal-points.sql.js';
import {
  PRACTICE_VERSIONS_SHADOW_TABLE,
  PRACTICE_VERSIONS_TABLE,
  practiceVersionsReadIndexesSql,
  practiceVersionsTableSql,
  qualified,
} from '../src/schema/practice-versions.ddl.js';
import { HistoryRecorder } from './support/history-recorder.js';
import { openLandscapeFixture, type LandscapeFixture, projectLiveThrough, poolQueryRunner } from './support/landscape-fixture.js';
import { SeededRandom } from '../../../test/support/seeded-random.js';

const shadow = qualified(PRACTICE_VERSIONS_SHADOW_TABLE);

// Bounds on and either side of the instants and dates searched for, open bounds, and dates far from 2000.
const DATES = ['1948-07-05', '1999-12-31', '2000-01-01', '2016-03-31', '2016-04-01', '2016-04-02', '9999-12-31'];
const INSTANTS = [
  '1999-12-31T23:59:59.999999Z',
  '2000-01-01T00:00:00Z',
  '2016-04-01T09:30:00.123455Z',
  '2016-04-01T09:30:00.123456Z',
  '2016-04-01T09:30:00.123457Z',
  '2026-11-28T12:00:00.5Z',
];

describe('whole-landscape searches by points (PostgreSQL server)', () => {
  let fixture: LandscapeFixture;

  beforeAll(async () => {
    fixture = await openLandscapeFixture();
  });
  afterAll(async () => {
    await fixture?.close();
  });

  describe('against the range columns, bound by bound', () => {
    beforeAll(async () => {
      for (const sql of practiceVersionsTableSql(PRACTICE_VERSIONS_SHADOW_TABLE)) await fixture.pool.query(sql);
      for (const sql of practiceVersionsReadIndexesSql(PRACTICE_VERSIONS_SHADOW_TABLE)) await fixture.pool.query(sql);
      // Every pair of bounds from the lists (upper after lower, or open), each as a valid span and a recorded span.
      const validSpans = spans(DATES);
      const recordedSpans = spans(INSTANTS);
      let row = 0;
      for (const [validFrom, validTo] of validSpans) {
        for (const [recordedFrom, recordedTo] of recordedSpans) {
          await fixture.pool.query(
            `INSERT INTO ${shadow} (ods_code, valid_from, valid_to, recorded_from, recorded_to, status, name, partner_count,
               salaried_count, single_handed, without_partners, summary_facts, state)
             VALUES ($1, $2, $3, $4, $5, 'open', 'A PRACTICE', 1, 0, true, false, '[]', '{}')`,
            [`P${row++}`, validFrom, validTo, recordedFrom, recordedTo],
          );
        }
      }
    });

    const ids = async (where: string, params: unknown[]) =>
      (await fixture.pool.query<{ id: string }>(`SELECT id FROM ${shadow} WHERE ${where} ORDER BY id`, params)).rows.map((r) => r.id);

    it('finds exactly the versions valid on a date and believed at an instant, for every bound and its neighbours', async () => {
      let compared = 0;
      for (const date of DATES) {
        expect(await ids(validOnSql('$1'), [date])).toEqual(await ids('valid @> $1::date', [date]));
        for (const instant of INSTANTS) {
          const expected = await ids('valid @> $1::date AND recorded @> $2::timestamptz', [date, instant]);
          expect({ date, instant, ids: await ids(bitemporalAtSql('$1', '$2'), [date, instant]) }).toEqual({ date, instant, ids: expected });
          compared += expected.length;
        }
      }
      for (const instant of INSTANTS) {
        expect(await ids(recordedAtSql('$1'), [instant])).toEqual(await ids('recorded @> $1::timestamptz', [instant]));
      }
      expect(compared).toBeGreaterThan(100);
    });

    it('is answered from the point-keyed indexes', async () => {
      const client = await fixture.pool.connect();
      try {
        await client.query('SET enable_seqscan = off');
        const plan = async (sql: string) =>
          (await client.query(`EXPLAIN ${sql}`, ['2016-04-01', '2016-04-01T09:30:00.123456Z'])).rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(await plan(`SELECT ods_code FROM ${shadow} WHERE ${bitemporalAtSql('$1', '$2')}`)).toContain(
          `${PRACTICE_VERSIONS_SHADOW_TABLE}_bitemporal`,
        );
        expect(
          await plan(
            `SELECT summary_facts FROM ${shadow} WHERE ${validOnSql('$1')} AND recorded_to IS NULL AND recorded_from <= $2 AND status = 'open'`,
          ),
        ).toContain(`${PRACTICE_VERSIONS_SHADOW_TABLE}_summary_believed`);
      } finally {
        await client.query('RESET enable_seqscan').catch(() => undefined);
        client.release();
      }
    });
  });

  describe('the migration, on a table projected with range-keyed indexes', () => {
    const PRACTICES = Array.from({ length: 12 }, (_, i) => `V${String(60_001 + i)}`);
    const table = qualified(PRACTICE_VERSIONS_TABLE);
    const runner = () => poolQueryRunner(fixture.pool);
    const reportingRows = async () => ({
      current: (await fixture.pool.query('SELECT * FROM reporting.current_landscape ORDER BY ods_code, version_valid_from')).rows,
      providers: (await fixture.pool.query('SELECT * FROM reporting.providers ORDER BY provider_kind, provider_id')).rows,
      at: (await fixture.pool.query(`SELECT * FROM reporting.landscape_at('2020-01-01') ORDER BY ods_code`)).rows,
    });
    const indexDefinitions = async () =>
      (
        await fixture.pool.query<{ indexname: string; indexdef: string }>(
          `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'landscape' AND tablename = $1 ORDER BY indexname`,
          [PRACTICE_VERSIONS_TABLE],
        )
      ).rows;

    beforeAll(async () => {
      const recorder = new HistoryRecorder(fixture.store);
      const random = new SeededRandom(23);
      await recorder.recordRandomRounds(random, PRACTICES, 8);
      await projectLiveThrough(fixture, recorder.appended);
    });

    it('adds the point columns, re-keys the two indexes and keeps every reporting answer; a second run changes nothing', async () => {
      const before = await reportingRows();
      expect(before.at.length).toBeGreaterThan(0);
      // The table as it was before the migration: range-keyed indexes, no point columns (the views read them, so go too).
      await fixture.pool.query(`DROP INDEX landscape.${PRACTICE_VERSIONS_TABLE}_bitemporal, landscape.${PRACTICE_VERSIONS_TABLE}_summary_believed`);
      await fixture.pool.query(`ALTER TABLE ${table} DROP COLUMN valid_point CASCADE, DROP COLUMN recorded_point CASCADE`);
      await fixture.pool.query(`CREATE INDEX ${PRACTICE_VERSIONS_TABLE}_bitemporal ON ${table} USING gist (valid, recorded)`);
      await fixture.pool.query(
        `CREATE INDEX ${PRACTICE_VERSIONS_TABLE}_summary_believed ON ${table} USING gist (valid) INCLUDE (recorded_from, summary_facts) WHERE recorded_to IS NULL AND status = 'open'`,
      );

      await new BitemporalPoints1763856800000().up(runner());
      const migrated = await indexDefinitions();
      const keyOf = (name: string) => migrated.find((index) => index.indexname === `${PRACTICE_VERSIONS_TABLE}_${name}`)?.indexdef;
      expect(keyOf('bitemporal')).toContain('gist (valid_point, recorded_point)');
      expect(keyOf('summary_believed')).toContain('gist (valid_point)');
      expect(await reportingRows()).toEqual(before);

      await new BitemporalPoints1763856800000().up(runner());
      expect(await indexDefinitions()).toEqual(migrated);
      expect(await reportingRows()).toEqual(before);
    });
  });
});

/** Every [lower, upper) pair of the ascending `bounds`, and every lower bound with an open upper one (null). */
function spans(bounds: readonly string[]): [string, string | null][] {
  const pairs: [string, string | null][] = [];
  bounds.forEach((lower, i) => {
    pairs.push([lower, null]);
    for (const upper of bounds.slice(i + 1)) pairs.push([lower, upper]);
  });
  return pairs;
}
