import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '#platform';
import { requestedKnownAt } from '../shared/read-time.js';
import { GetLandscapeTrend, type LandscapeTrend } from './get-landscape-trend.query.js';
import { LANDSCAPE_TREND_SQL } from './landscape-trend.sql.js';
import { trendPoints, type TrendAggregates } from './trend-points.js';

@QueryHandler(GetLandscapeTrend)
export class GetLandscapeTrendHandler implements IQueryHandler<GetLandscapeTrend, LandscapeTrend> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async execute(query: GetLandscapeTrend): Promise<LandscapeTrend> {
    const commissioners = query.commissioners === null ? null : [...query.commissioners];
    const lowerBounds = query.bands.map((band) => band.min);
    const { rows } = await this.pool.query<TrendAggregates & { known_at: string }>(LANDSCAPE_TREND_SQL, [
      query.dates,
      requestedKnownAt(query.knownAt),
      commissioners,
      lowerBounds,
    ]);
    return { knownAt: rows[0].known_at, every: query.every, points: trendPoints(query.dates, query.bands, rows[0]) };
  }
}
