import { RequiresRole } from '#access';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { bandsFrom, DEFAULT_BANDS, parseBandBounds } from '../get-landscape-summary/population-bands.js';
import { commissionerFilter } from '../shared/commissioner-filter.js';
import { ReadConsistency } from '../shared/read-consistency.js';
import { GetLandscapeTrend, type LandscapeTrend } from './get-landscape-trend.query.js';
import { DEFAULT_INTERVAL, LandscapeTrendDoc, LandscapeTrendParams } from './landscape-trend.dto.js';
import { MAX_TREND_POINTS, trendDates } from './trend-dates.js';

@ApiTags('landscape')
@RequiresRole('reader')
@Controller('landscape')
export class GetLandscapeTrendController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get('trend')
  @ApiOperation({
    summary: `The summary's figures on every date from \`from\` to \`to\` at an interval (at most ${MAX_TREND_POINTS} dates), all as known at one knownAt`,
  })
  @ApiOkResponse({ type: LandscapeTrendDoc })
  @ApiResponse({ status: 400, description: `invalid parameter, to before from, or more than ${MAX_TREND_POINTS} dates (problem+json)` })
  @ApiResponse({ status: 503, description: 'minPosition not reached within 5 s (problem+json, Retry-After)' })
  async trend(@Query() params: LandscapeTrendParams): Promise<LandscapeTrend> {
    await this.consistency.awaitPosition(params.minPosition);
    const every = params.every ?? DEFAULT_INTERVAL;
    // Validation has already refused a span of more than MAX_TREND_POINTS dates.
    const dates = trendDates(params.from, params.to, every) ?? [];
    const bounds = parseBandBounds(params.bands ?? DEFAULT_BANDS) ?? [];
    return this.queries.execute(new GetLandscapeTrend(dates, every, params.knownAt, bandsFrom(bounds), commissionerFilter(params.commissioner)));
  }
}
