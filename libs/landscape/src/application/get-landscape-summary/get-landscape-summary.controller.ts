import { RequiresRole } from '#access';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { commissionerFilter } from '../shared/commissioner-filter.js';
import { ReadConsistency } from '../shared/read-consistency.js';
import { GetLandscapeSummary, type LandscapeSummary } from './get-landscape-summary.query.js';
import { LandscapeSummaryDoc, LandscapeSummaryParams } from './landscape-summary.dto.js';
import { bandsFrom, DEFAULT_BANDS, parseBandBounds } from './population-bands.js';

@ApiTags('landscape')
@RequiresRole('reader')
@Controller('landscape')
export class GetLandscapeSummaryController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: 'Figures of the landscape of open practices on asOf (optionally of some commissioners), as known at knownAt' })
  @ApiOkResponse({ type: LandscapeSummaryDoc })
  @ApiResponse({ status: 400, description: 'invalid parameter (problem+json)' })
  @ApiResponse({ status: 503, description: 'minPosition not reached within 5 s (problem+json, Retry-After)' })
  async summary(@Query() params: LandscapeSummaryParams): Promise<LandscapeSummary> {
    await this.consistency.awaitPosition(params.minPosition);
    const bounds = parseBandBounds(params.bands ?? DEFAULT_BANDS) ?? [];
    return this.queries.execute(new GetLandscapeSummary(params.asOf, params.knownAt, bandsFrom(bounds), commissionerFilter(params.commissioner)));
  }
}
