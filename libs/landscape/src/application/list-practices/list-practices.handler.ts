import { BadRequestException, Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { CursorSigner, READ_POOL } from '#platform';
import type { PracticeSnapshot } from '#practices';
import { ProjectionStatus } from '../../projector/projection-status.js';
import { bitemporalAtSql } from '../../schema/bitemporal-points.sql.js';
import { toPracticeFields } from '../shared/practice-view.js';
import { resolveReadTime, type ReadTime } from '../shared/read-time.js';
import { decodeListCursor, encodeListCursor, type ListCursor } from './list-cursor.js';
import { ListPractices, type PracticeFilters, type PracticePage } from './list-practices.query.js';
import { PRACTICE_VERSIONS } from '../../schema/practice-versions.ddl.js';

// Matching practices come from the bitemporal GiST index; only the page's rows are read in full.
const LIST_PRACTICES = `
  WITH matching AS MATERIALIZED (
    SELECT v.id, v.ods_code FROM ${PRACTICE_VERSIONS} v
     WHERE ${bitemporalAtSql('$1', '$2', 'v.')}
       AND ($3::text IS NULL OR v.status = $3)
       AND ($4::text IS NULL OR v.commissioner_code = $4)
       AND ($5::text IS NULL OR v.contract_type = $5)
       AND ($6::text IS NULL OR v.holder_kind = $6)
       AND ($7::text IS NULL OR v.trust_code = $7)
       AND ($8::text IS NULL OR $8 = ANY (v.federations))
       AND ($9::text IS NULL OR v.pcn_code = $9)
  )
  SELECT (SELECT count(*) FROM matching)::integer AS total,
         (SELECT coalesce(json_agg(page.state ORDER BY page.ods_code), '[]'::json)
            FROM (SELECT v.ods_code, v.state FROM matching m JOIN ${PRACTICE_VERSIONS} v ON v.id = m.id
                   WHERE m.ods_code > $10 ORDER BY m.ods_code LIMIT $11) page) AS items`;

@QueryHandler(ListPractices)
export class ListPracticesHandler implements IQueryHandler<ListPractices, PracticePage> {
  constructor(
    @Inject(READ_POOL) private readonly pool: pg.Pool,
    private readonly status: ProjectionStatus,
    private readonly signer: CursorSigner,
  ) {}

  async execute(query: ListPractices): Promise<PracticePage> {
    const cursor = query.cursor === undefined ? null : this.decode(query.cursor);
    const time = cursor ? await this.timeOf(cursor, query) : await resolveReadTime(this.status, query.asOf, query.knownAt);
    const f: PracticeFilters = query.filters;
    const { rows } = await this.pool.query<{ total: number; items: PracticeSnapshot[] }>(LIST_PRACTICES, [
      time.asOf,
      time.knownAt,
      f.status === 'all' ? null : f.status,
      f.commissioner ?? null,
      f.contractType ?? null,
      f.holderKind ?? null,
      f.trust ?? null,
      f.federation ?? null,
      f.pcn ?? null,
      cursor?.after ?? '',
      query.limit + 1,
    ]);
    const { total, items } = rows[0];
    const page = items.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      ...time,
      total,
      items: page.map(toPracticeFields),
      nextCursor: items.length > query.limit && last ? encodeListCursor({ ...time, after: last.odsCode }, this.signer) : null,
    };
  }

  private decode(text: string): ListCursor {
    const cursor = decodeListCursor(text, this.signer);
    if (!cursor) throw invalid('cursor', 'must be a nextCursor returned by GET /practices', 'INVALID_CURSOR');
    return cursor;
  }

  /** A cursor's page answers for the first page's moment; an explicit asOf or knownAt must agree with it. */
  private async timeOf(cursor: ListCursor, query: ListPractices): Promise<ReadTime> {
    if (query.asOf !== undefined && query.asOf !== cursor.asOf) {
      throw invalid('asOf', `this cursor pages the landscape on ${cursor.asOf}`);
    }
    // The first page's knownAt may have been clamped down from the one requested, never up.
    if (query.knownAt !== undefined && Date.parse(query.knownAt) < Date.parse(cursor.knownAt)) {
      throw invalid('knownAt', `this cursor pages the landscape as known at ${cursor.knownAt}`);
    }
    // Issued clamped; clamped again in case the horizon was wound back (a restored database), never trusted beyond it.
    return { asOf: cursor.asOf, knownAt: await this.status.resolveKnownAt(cursor.knownAt) };
  }
}

function invalid(field: string, message: string, code = 'VALIDATION_FAILED'): BadRequestException {
  return new BadRequestException({ title: 'Invalid request', detail: `${field}: ${message}`, code, errors: [{ field, message }] });
}
