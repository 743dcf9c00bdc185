import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { READ_POOL } from '#platform';
import { ProjectionStatus } from '../../projector/projection-status.js';
import { bitemporalAtSql } from '../../schema/bitemporal-points.sql.js';
import { resolveReadTime } from '../shared/read-time.js';
import { ListProviders, type ProviderList, type ProviderSummary } from './list-providers.query.js';
import { PRACTICE_VERSIONS } from '../../schema/practice-versions.ddl.js';

// Largest providers first; a provider's name is taken from its practices (the same holder may be spelt differently).
const PROVIDERS_AT = `
  SELECT provider_kind AS kind, provider_id AS id, min(provider_name) AS name, count(*)::integer AS practices,
         coalesce(sum(registered_patients), 0)::bigint AS patients, array_agg(ods_code ORDER BY ods_code) AS ods_codes
    FROM ${PRACTICE_VERSIONS}
   WHERE ${bitemporalAtSql('$1', '$2')} AND status = 'open' AND provider_id IS NOT NULL
   GROUP BY provider_kind, provider_id
   ORDER BY patients DESC, practices DESC, provider_kind, provider_id`;

interface ProviderRow {
  kind: string;
  id: string;
  name: string;
  practices: number;
  patients: string;
  ods_codes: string[];
}

@QueryHandler(ListProviders)
export class ListProvidersHandler implements IQueryHandler<ListProviders, ProviderList> {
  constructor(
    @Inject(READ_POOL) private readonly pool: pg.Pool,
    private readonly status: ProjectionStatus,
  ) {}

  async execute(query: ListProviders): Promise<ProviderList> {
    const time = await resolveReadTime(this.status, query.asOf, query.knownAt);
    const { rows } = await this.pool.query<ProviderRow>(PROVIDERS_AT, [time.asOf, time.knownAt]);
    const items: ProviderSummary[] = rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      name: row.name,
      practices: row.practices,
      registeredPatients: Number(row.patients),
      odsCodes: row.ods_codes,
    }));
    return { ...time, total: items.length, items };
  }
}
