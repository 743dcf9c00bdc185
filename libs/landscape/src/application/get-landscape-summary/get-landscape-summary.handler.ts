import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '#platform';
import { ProjectionStatus } from '../../projector/projection-status.js';
import type { SummaryFacts } from '../../read-models/practice-versions/summary-facts.js';
import { resolveReadTime } from '../shared/read-time.js';
import { GetLandscapeSummary, type LandscapeSummary } from './get-landscape-summary.query.js';
import { landscapeFigures } from './landscape-figures.js';
import { LANDSCAPE_FACTS_SQL } from './landscape-summary.sql.js';

@QueryHandler(GetLandscapeSummary)
export class GetLandscapeSummaryHandler implements IQueryHandler<GetLandscapeSummary, LandscapeSummary> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly status: ProjectionStatus,
  ) {}

  async execute(query: GetLandscapeSummary): Promise<LandscapeSummary> {
    const time = await resolveReadTime(this.status, query.asOf, query.knownAt);
    const { rows } = await this.pool.query<{ facts: string | null }>(LANDSCAPE_FACTS_SQL, [time.asOf, time.knownAt]);
    const practices = rows[0].facts === null ? [] : (JSON.parse(rows[0].facts) as SummaryFacts[]);
    return { ...time, ...landscapeFigures(practices, query.bands) };
  }
}
