import { RequiresRole } from '#access';
import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PRACTICE_CSV_COLUMNS } from '../../reports/practice-csv.js';
import { ReadConsistency } from '../shared/read-consistency.js';
import { ReadParams } from '../shared/read-params.dto.js';
import { ExportPracticesCsv, type PracticesCsv } from './export-practices-csv.query.js';

@ApiTags('reports')
@RequiresRole('reader')
@Controller('reports')
export class ExportPracticesCsvController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get('practices.csv')
  @ApiOperation({
    summary: 'One CSV row per practice that existed on asOf, as known at knownAt (streamed)',
    description: `Columns: ${PRACTICE_CSV_COLUMNS.join(', ')}. Lists are joined with ";". The asOf and knownAt used are in the X-As-Of and X-Known-At headers.`,
  })
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'text/csv; headers X-As-Of, X-Known-At' })
  @ApiResponse({ status: 400, description: 'invalid parameter (problem+json)' })
  @ApiResponse({ status: 503, description: 'minPosition not reached within 5 s (problem+json, Retry-After)' })
  async export(@Query() params: ReadParams, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile> {
    await this.consistency.awaitPosition(params.minPosition);
    const csv: PracticesCsv = await this.queries.execute(new ExportPracticesCsv(params.asOf, params.knownAt));
    response.header('X-As-Of', csv.asOf);
    response.header('X-Known-At', csv.knownAt);
    return new StreamableFile(csv.body, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="practices-${csv.asOf}.csv"`,
    });
  }
}
