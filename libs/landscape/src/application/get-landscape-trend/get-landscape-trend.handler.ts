import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { READ_POOL, sharesOneSession } from '#platform';
import { readFoldedTrend } from '../../read-models/landscape-trend/folded-trend.js';
import { requestedKnownAt } from '../shared/read-time.js';
import { GetLandscapeTrend, type LandscapeTrend } from './get-landscape-trend.query.js';
import { LANDSCAPE_TREND_SQL, TREND_SETTINGS_SQL } from './landscape-trend.sql.js';
import { aggregatesFromChanges } from './trend-accumulation.js';
import { trendPoints, type TrendAggregates } from './trend-points.js';

type TrendRow = TrendAggregates & { known_at: string };

@QueryHandler(GetLandscapeTrend)
export class GetLandscapeTrendHandler implements IQueryHandler<GetLandscapeTrend, LandscapeTrend> {
  constructor(@Inject(READ_POOL) private readonly pool: pg.Pool) {}

  async execute(query: GetLandscapeTrend): Promise<LandscapeTrend> {
    const knownAt = requestedKnownAt(query.knownAt);
    const bandMins = query.bands.map((band) => band.min);
    // The national trend from its model where it can answer; by commissioner, in other bands or before the model's instant
    // from the versions.
    const folded = query.commissioners === null ? await readFoldedTrend(this.pool, query.dates, knownAt, bandMins) : null;
    const row = folded
      ? { known_at: folded.knownAt, ...aggregatesFromChanges(query.dates.length, folded.changes) }
      : await this.aggregates([query.dates, knownAt, query.commissioners === null ? null : [...query.commissioners], bandMins]);
    return { knownAt: row.known_at, every: query.every, points: trendPoints(query.dates, query.bands, row) };
  }

  /**
   * The trend from the versions themselves (landscape-trend.sql.ts). On a server, in a read-only transaction of its
   * own so the statement's settings end with it.
   */
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
