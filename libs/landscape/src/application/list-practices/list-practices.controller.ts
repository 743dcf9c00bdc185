import { RequiresRole } from '#access';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ReadConsistency } from '../shared/read-consistency.js';
import { DEFAULT_PAGE_SIZE, ListPracticesParams, PracticePageDoc } from './list-practices.dto.js';
import { ListPractices, type PracticePage } from './list-practices.query.js';

@ApiTags('landscape')
@RequiresRole('reader')
@Controller('practices')
export class ListPracticesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Practices on asOf as known at knownAt, filtered, in ODS code order, paged by cursor' })
  @ApiOkResponse({ type: PracticePageDoc })
  @ApiResponse({ status: 400, description: 'invalid parameter or cursor (problem+json)' })
  @ApiResponse({ status: 503, description: 'minPosition not reached within 5 s (problem+json, Retry-After)' })
  async list(@Query() params: ListPracticesParams): Promise<PracticePage> {
    await this.consistency.awaitPosition(params.minPosition);
    const { status, commissioner, contractType, holderKind, trust, federation, pcn } = params;
    return this.queries.execute(
      new ListPractices(
        { status: status ?? 'open', commissioner, contractType, holderKind, trust, federation, pcn },
        params.asOf,
        params.knownAt,
        params.limit ?? DEFAULT_PAGE_SIZE,
        params.cursor,
      ),
    );
  }
}
