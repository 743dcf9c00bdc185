import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { READ_POOL } from '#platform';
import type { PracticeSnapshot } from '#practices';
import { ProjectionStatus } from '../../projector/projection-status.js';
import { practicesCsvStream } from '../../reports/csv-stream.js';
import { bitemporalAtSql } from '../../schema/bitemporal-points.sql.js';
import { resolveReadTime, type ReadTime } from '../shared/read-time.js';
import { ExportPracticesCsv, type PracticesCsv } from './export-practices-csv.query.js';
import { PRACTICE_VERSIONS } from '../../schema/practice-versions.ddl.js';

const PAGE = 1_000;
const PAGE_AT = `
  SELECT ods_code, state FROM ${PRACTICE_VERSIONS}
   WHERE ${bitemporalAtSql('$1', '$2')} AND ods_code > $3
   ORDER BY ods_code LIMIT $4`;

/** Every practice that existed on asOf (open or closed), in ODS code order, read in pages as the response drains. */
@QueryHandler(ExportPracticesCsv)
export class ExportPracticesCsvHandler implements IQueryHandler<ExportPracticesCsv, PracticesCsv> {
  constructor(
    @Inject(READ_POOL) private readonly pool: pg.Pool,
    private readonly status: ProjectionStatus,
  ) {}

  async execute(query: ExportPracticesCsv): Promise<PracticesCsv> {
    const time = await resolveReadTime(this.status, query.asOf, query.knownAt);
    return { ...time, body: practicesCsvStream(this.pages(time)) };
  }

  private async *pages(time: ReadTime): AsyncGenerator<PracticeSnapshot> {
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<{ ods_code: string; state: PracticeSnapshot }>(PAGE_AT, [time.asOf, time.knownAt, after, PAGE]);
      for (const row of rows) yield row.state;
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].ods_code;
    }
  }
}
