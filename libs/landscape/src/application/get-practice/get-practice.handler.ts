import { Inject, NotFoundException } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { hotQuery, READ_POOL } from '#platform';
import type { PracticeSnapshot } from '#practices';
import { toPracticeView, type PracticeView } from '../shared/practice-view.js';
import { requestedKnownAt, todayUtc } from '../shared/read-time.js';
import { clampedKnownAtSql, isoInstantSql } from '../shared/read-time.sql.js';
import { GetPractice } from './get-practice.query.js';
import { bitemporalRangeSql } from '../../schema/bitemporal-points.sql.js';
import { PRACTICE_VERSIONS } from '../../schema/practice-versions.ddl.js';

// The knownAt answered for, and a short scan of one practice's rows (index on ods_code, valid_from, recorded_from).
const PRACTICE_AT = `
  SELECT ${isoInstantSql('t.known_at')} AS known_at, v.state
    FROM (SELECT ${clampedKnownAtSql('$3')} AS known_at) t
    LEFT JOIN LATERAL (
      SELECT state FROM ${PRACTICE_VERSIONS}
       WHERE ods_code = $1 AND ${bitemporalRangeSql('$2', 't.known_at')}
       LIMIT 1) v ON true`;

@QueryHandler(GetPractice)
export class GetPracticeHandler implements IQueryHandler<GetPractice, PracticeView> {
  constructor(@Inject(READ_POOL) private readonly pool: pg.Pool) {}

  async execute(query: GetPractice): Promise<PracticeView> {
    const asOf = query.asOf ?? todayUtc();
    const { rows } = await this.pool.query<{ known_at: string; state: PracticeSnapshot | null }>(
      hotQuery(this.pool, 'landscape-practice-at', PRACTICE_AT, [query.odsCode, asOf, requestedKnownAt(query.knownAt)]),
    );
    const time = { asOf, knownAt: rows[0].known_at };
    if (rows[0].state === null) {
      throw new NotFoundException({
        title: 'Practice not found',
        detail: `practice ${query.odsCode} did not exist on ${time.asOf} as known at ${time.knownAt}`,
        code: 'PRACTICE_NOT_FOUND',
      });
    }
    return toPracticeView(rows[0].state, time);
  }
}
