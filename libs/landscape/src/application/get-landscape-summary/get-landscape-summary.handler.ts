import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '#platform';
import { ProjectionStatus } from '../../projector/projection-status.js';
import { resolveReadTime } from '../shared/read-time.js';
import { GetLandscapeSummary, type LandscapeSummary } from './get-landscape-summary.query.js';
import { LANDSCAPE_SUMMARY_SQL, type LandscapeSummaryRow } from './landscape-summary.sql.js';

@QueryHandler(GetLandscapeSummary)
export class GetLandscapeSummaryHandler implements IQueryHandler<GetLandscapeSummary, LandscapeSummary> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly status: ProjectionStatus,
  ) {}

  async execute(query: GetLandscapeSummary): Promise<LandscapeSummary> {
    const time = await resolveReadTime(this.status, query.asOf, query.knownAt);
    const { rows } = await this.pool.query<LandscapeSummaryRow>(LANDSCAPE_SUMMARY_SQL, [
      time.asOf,
      time.knownAt,
      query.bands.map((band) => band.min),
      query.bands.map((band) => band.max),
    ]);
    const row = rows[0];
    const gps = row.partners + row.salaried;
    return {
      ...time,
      practices: { open: row.open },
      byCommissioner: row.by_commissioner,
      byContractType: row.by_contract_type,
      byHolderKind: row.by_holder_kind,
      gps: { partners: row.partners, salaried: row.salaried, salariedShare: gps === 0 ? 0 : Math.round((row.salaried / gps) * 10_000) / 10_000 },
      singleHanded: row.single_handed,
      withoutPartners: row.without_partners,
      subcontracted: { total: row.subcontracted, byTrust: row.by_trust },
      federations: { practicesInFederation: row.in_federation, byFederation: row.by_federation },
      pcns: { practicesInPcn: row.in_pcn, pcns: row.pcns },
      registeredPatients: Number(row.registered_patients),
      providers: {
        total: row.providers_total,
        byPopulationBand: row.bands.map((band) => ({
          min: Number(band.min),
          max: band.max === null ? null : Number(band.max),
          providers: band.providers,
          registeredPatients: Number(band.registeredPatients),
        })),
      },
    };
  }
}
