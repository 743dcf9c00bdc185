import { RequiresRole } from '#access';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PracticePath } from '../shared/common.dto.js';
import { IsIsoInstant } from '#platform';
import { GetPracticeHistory } from './get-practice-history.query.js';

export class PracticeHistoryParams {
  @IsOptional()
  @IsIsoInstant()
  @ApiPropertyOptional({
    description: "what the register knew at this instant (default now, clamped to the instant through which the practice's stream is settled)",
  })
  knownAt?: string;

  @IsOptional()
  @ApiPropertyOptional({
    description:
      'accepted for symmetry with other reads; history reads the log itself once writes in flight on the practice have settled, so it always includes answered writes',
  })
  minPosition?: string;
}

@ApiTags('practices')
@RequiresRole('auditor')
@Controller('practices')
export class GetPracticeHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':ods/history')
  @ApiOperation({ summary: "A practice's recorded events in effective order, with all metadata and retractions marked" })
  @ApiOkResponse({ description: '{odsCode, knownAt, streamVersion, events[]}' })
  @ApiResponse({ status: 400, description: 'invalid parameter (problem+json)' })
  @ApiResponse({ status: 404, description: 'no such practice recorded by knownAt (problem+json)' })
  history(@Param() path: PracticePath, @Query() params: PracticeHistoryParams) {
    return this.queries.execute(new GetPracticeHistory(path.ods, params.knownAt ?? null));
  }
}
