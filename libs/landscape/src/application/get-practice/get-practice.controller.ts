import { RequiresRole } from '#access';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsOdsCode } from '#platform';
import { PracticeDoc } from '../shared/practice-view.dto.js';
import type { PracticeView } from '../shared/practice-view.js';
import { ReadConsistency } from '../shared/read-consistency.js';
import { ReadParams } from '../shared/read-params.dto.js';
import { GetPractice } from './get-practice.query.js';

export class PracticeOdsPath {
  @IsOdsCode({ description: 'practice ODS code' })
  ods!: string;
}

@ApiTags('landscape')
@RequiresRole('reader')
@Controller('practices')
export class GetPracticeController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get(':ods')
  @ApiOperation({ summary: "A practice's state on asOf, as the register knew it at knownAt" })
  @ApiOkResponse({ type: PracticeDoc })
  @ApiResponse({ status: 400, description: 'invalid parameter (problem+json)' })
  @ApiNotFoundResponse({ description: 'the practice did not exist on asOf as known at knownAt (problem+json)' })
  @ApiResponse({ status: 503, description: 'minPosition not reached within 5 s (problem+json, Retry-After)' })
  async get(@Param() path: PracticeOdsPath, @Query() params: ReadParams): Promise<PracticeView> {
    await this.consistency.awaitPosition(params.minPosition);
    return this.queries.execute(new GetPractice(path.ods, params.asOf, params.knownAt));
  }
}
