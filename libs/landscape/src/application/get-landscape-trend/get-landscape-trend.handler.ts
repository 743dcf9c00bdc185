import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { READ_POOL, sharesOneSession } from '#platform';
import { requestedKnownAt } from '../shared/read-time.js';
import { GetLandscapeTrend, type LandscapeTrend } from './get-landscape-trend.query.js';
import { LANDSCAPE_TREND_SQL, TREND_SETTINGS_SQL } from './landscape-trend.sql.js';
import { trendPoints, type TrendAggregates } from './trend-points.js';

type TrendRow = TrendAggregates & { known_at: string };

@QueryHandler(GetLandscapeTrend)
export class GetLandscapeTrendHandler implements IQueryHandler<GetLandscapeTrend, LandscapeTrend> {
  constructor(@Inject(READ_POOL) private readonly pool: pg.Pool) {}

  async execute(query: GetLandscapeTrend): Promise<LandscapeTrend> {
    const values = [
      query.dates,
      requestedKnownAt(query.knownAt),
      query.commissioners === null ? null : [...query.commissioners],
      query.bands.map((band) => band.min),
    ];
    const row = await this.aggregates(values);
    return { knownAt: row.known_at, every: query.every, points: trendPoints(query.dates, query.bands, row) };
  }

  /** On a server, in a read-only transaction of its own so the statement's settings end with it. */
  private async aggregates(values: unknown[]): Promise<TrendRow> {
    // The embedded database has no JIT, and its one session would hold every other request behind the transaction.
    if (sharesOneSession(this.pool)) return (await this.pool.query<TrendRow>(LANDSCAPE_TREND_SQL, values)).rows[0];
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN READ ONLY');
      await client.query(TREND_SETTINGS_SQL);
      const { rows } = await client.query<TrendRow>(LANDSCAPE_TREND_SQL, values);
      await client.query('COMMIT');
      return rows[0];
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
