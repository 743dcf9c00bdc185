import { RequiresRole } from '#access';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsCalendarDate } from '#platform';
import { ReadConsistency } from '../shared/read-consistency.js';
import { KnownAtParams } from '../shared/read-params.dto.js';
import { GetLandscapeDiff, type LandscapeDiff } from './get-landscape-diff.query.js';

export class LandscapeDiffParams extends KnownAtParams {
  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  to!: string;
}

class PracticeChangeDoc {
  @ApiProperty({ example: 'M92011' }) odsCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['appeared', 'disappeared', 'changed'] }) change!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', properties: { from: {}, to: {} } },
    description: 'field name → {from, to}: every practice-state field that differs (a missing state counts as null)',
  })
  changes!: Record<string, { from: unknown; to: unknown }>;
}

class LandscapeDiffDoc {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ format: 'date-time', description: 'the knownAt actually used (clamped to the stable horizon)' }) knownAt!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [PracticeChangeDoc] }) items!: PracticeChangeDoc[];
}

@ApiTags('landscape')
@RequiresRole('reader')
@Controller('landscape')
export class GetLandscapeDiffController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get('diff')
  @ApiOperation({ summary: 'Per practice, what differs between the landscape on `from` and on `to`, both as known at knownAt' })
  @ApiOkResponse({ type: LandscapeDiffDoc })
  @ApiResponse({ status: 400, description: 'invalid or missing parameter (problem+json)' })
  @ApiResponse({ status: 503, description: 'minPosition not reached within 5 s (problem+json, Retry-After)' })
  async diff(@Query() params: LandscapeDiffParams): Promise<LandscapeDiff> {
    await this.consistency.awaitPosition(params.minPosition);
    return this.queries.execute(new GetLandscapeDiff(params.from, params.to, params.knownAt));
  }
}
