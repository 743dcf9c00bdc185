import { GetLandscapeSummary } from '../src/application/get-landscape-summary/get-landscape-summary.query.js';
import { GetLandscapeSummaryHandler } from '../src/application/get-landscape-summary/get-landscape-summary.handler.js';
import { bandsFrom } from '../src/application/get-landscape-summary/population-bands.js';
import { SUMMARY_FACTS_FROM_COLUMNS_SQL } from '../src/read-models/practice-versions/summary-facts.js';
import { openLandscapeFixture, type LandscapeFixture } from './support/landscape-fixture.js';

const OPEN = 2_500; // several of the summary statement's rows of facts
const CLOSED = 40;

describe('landscape summary over more practices than one row of facts holds (PostgreSQL server)', () => {
  let fixture: LandscapeFixture;

  beforeAll(async () => {
    fixture = await openLandscapeFixture();
    // Versions written straight into the table (what the projector would write for these states), and a horizon.
    await fixture.pool.query(
      `INSERT INTO landscape.practice_versions
         (ods_code, valid_from, recorded_from, status, name, commissioner_code, contract_type, holder_kind, provider_kind,
          provider_id, partner_count, salaried_count, registered_patients, single_handed, without_partners, federations,
          summary_facts, state)
       SELECT 'P' || lpad(i::text, 5, '0'), date '2010-04-01', timestamptz '2026-01-01', CASE WHEN i <= $1::int THEN 'open' ELSE 'closed' END,
              'Practice ' || i, 'C' || (i % 7), 'GMS', 'partnership', 'partnership', 'holder-' || i,
              1 + i % 4, i % 3, 1000 + i, i % 4 = 0, false, '{}', '[]', '{}'
         FROM generate_series(1, $1::int + $2::int) AS i`,
      [OPEN, CLOSED],
    );
    await fixture.pool.query(`UPDATE landscape.practice_versions SET summary_facts = ${SUMMARY_FACTS_FROM_COLUMNS_SQL}`);
    await fixture.pool.query(
      `INSERT INTO landscape.projection_checkpoints (name, projection_version, stable_horizon) VALUES ('practice_versions', 1, now())`,
    );
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('adds up every open practice, whichever row of facts it came in', async () => {
    const summary = await new GetLandscapeSummaryHandler(fixture.pool).execute(new GetLandscapeSummary('2020-01-01', undefined, bandsFrom([])));
    const each = Array.from({ length: OPEN }, (_, index) => index + 1);
    expect(summary.practices.open).toBe(OPEN);
    expect(summary.registeredPatients).toBe(each.reduce((total, i) => total + 1000 + i, 0));
    expect(summary.gps.partners).toBe(each.reduce((total, i) => total + 1 + (i % 4), 0));
    expect(summary.gps.salaried).toBe(each.reduce((total, i) => total + (i % 3), 0));
    expect(summary.providers.total).toBe(OPEN);
    expect(Object.values(summary.byCommissioner).reduce((total, count) => total + count, 0)).toBe(OPEN);
  });

  it('answers an empty landscape before any practice opened', async () => {
    const summary = await new GetLandscapeSummaryHandler(fixture.pool).execute(new GetLandscapeSummary('2009-01-01', undefined, bandsFrom([])));
    expect(summary.practices.open).toBe(0);
    expect(summary.registeredPatients).toBe(0);
  });
});
