import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { hotQuery, READ_POOL } from '#platform';
import { FACT, type SummaryFacts } from '../../read-models/practice-versions/summary-facts.js';
import { requestedKnownAt, todayUtc } from '../shared/read-time.js';
import { GetLandscapeSummary, type LandscapeSummary } from './get-landscape-summary.query.js';
import { landscapeFigures } from './landscape-figures.js';
import { LANDSCAPE_FACTS_SQL } from './landscape-summary.sql.js';

@QueryHandler(GetLandscapeSummary)
export class GetLandscapeSummaryHandler implements IQueryHandler<GetLandscapeSummary, LandscapeSummary> {
  constructor(@Inject(READ_POOL) private readonly pool: pg.Pool) {}

  async execute(query: GetLandscapeSummary): Promise<LandscapeSummary> {
    const asOf = query.asOf ?? todayUtc();
    const { rows } = await this.pool.query<{ known_at: string; facts: string | null }>(
      hotQuery(this.pool, 'landscape-summary-facts', LANDSCAPE_FACTS_SQL, [asOf, requestedKnownAt(query.knownAt)]),
    );
    const practices = rows.flatMap((row) => (row.facts === null ? [] : (JSON.parse(row.facts) as SummaryFacts[])));
    // The filter is applied to the facts already read: the hot statement stays one prepared plan for every request.
    const { commissioners } = query;
    const chosen = commissioners === null ? practices : practices.filter((facts) => commissioners.has(facts[FACT.commissionerCode] ?? ''));
    return { asOf, knownAt: rows[0].known_at, ...landscapeFigures(chosen, query.bands) };
  }
}
