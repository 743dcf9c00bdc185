import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { READ_POOL } from '#platform';
import type { PracticeSnapshot } from '#practices';
import { ProjectionStatus } from '../../projector/projection-status.js';
import { bitemporalAtSql } from '../../schema/bitemporal-points.sql.js';
import { GetLandscapeDiff, type LandscapeDiff } from './get-landscape-diff.query.js';
import { practiceChange, type PracticeChange } from './practice-changes.js';
import { PRACTICE_VERSIONS } from '../../schema/practice-versions.ddl.js';

// Practices whose version differs between the two dates (the same row on both dates means no change).
const VERSIONS_THAT_DIFFER = `
  WITH a AS (SELECT id, ods_code, state FROM ${PRACTICE_VERSIONS} WHERE ${bitemporalAtSql('$1', '$3')}),
       b AS (SELECT id, ods_code, state FROM ${PRACTICE_VERSIONS} WHERE ${bitemporalAtSql('$2', '$3')})
  SELECT a.state AS before, b.state AS after
    FROM a FULL JOIN b ON a.ods_code = b.ods_code
   WHERE a.id IS DISTINCT FROM b.id
   ORDER BY coalesce(a.ods_code, b.ods_code)`;

@QueryHandler(GetLandscapeDiff)
export class GetLandscapeDiffHandler implements IQueryHandler<GetLandscapeDiff, LandscapeDiff> {
  constructor(
    @Inject(READ_POOL) private readonly pool: pg.Pool,
    private readonly status: ProjectionStatus,
  ) {}

  async execute(query: GetLandscapeDiff): Promise<LandscapeDiff> {
    const knownAt = await this.status.resolveKnownAt(query.knownAt);
    const { rows } = await this.pool.query<{ before: PracticeSnapshot | null; after: PracticeSnapshot | null }>(VERSIONS_THAT_DIFFER, [
      query.from,
      query.to,
      knownAt,
    ]);
    const items = rows.map((row) => practiceChange(row.before, row.after)).filter((change): change is PracticeChange => change !== null);
    return { from: query.from, to: query.to, knownAt, total: items.length, items };
  }
}
