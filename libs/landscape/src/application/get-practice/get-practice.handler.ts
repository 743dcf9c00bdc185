import { Inject, NotFoundException } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '#platform';
import type { PracticeSnapshot } from '#practices';
import { ProjectionStatus } from '../../projector/projection-status.js';
import { toPracticeView, type PracticeView } from '../shared/practice-view.js';
import { resolveReadTime } from '../shared/read-time.js';
import { GetPractice } from './get-practice.query.js';

// A short scan of one practice's rows (index on ods_code, valid_from, recorded_from).
const PRACTICE_AT = `
  SELECT state FROM landscape.practice_versions
   WHERE ods_code = $1
     AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date)
     AND recorded_from <= $3::timestamptz AND (recorded_to IS NULL OR recorded_to > $3::timestamptz)
   LIMIT 1`;

@QueryHandler(GetPractice)
export class GetPracticeHandler implements IQueryHandler<GetPractice, PracticeView> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly status: ProjectionStatus,
  ) {}

  async execute(query: GetPractice): Promise<PracticeView> {
    const time = await resolveReadTime(this.status, query.asOf, query.knownAt);
    const { rows } = await this.pool.query<{ state: PracticeSnapshot }>(PRACTICE_AT, [query.odsCode, time.asOf, time.knownAt]);
    if (!rows[0]) {
      throw new NotFoundException({
        title: 'Practice not found',
        detail: `practice ${query.odsCode} did not exist on ${time.asOf} as known at ${time.knownAt}`,
        code: 'PRACTICE_NOT_FOUND',
      });
    }
    return toPracticeView(rows[0].state, time);
  }
}
