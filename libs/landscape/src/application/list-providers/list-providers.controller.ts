import { RequiresRole } from '#access';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HOLDER_KINDS } from '#practices';
import { ReadConsistency } from '../shared/read-consistency.js';
import { ReadParams } from '../shared/read-params.dto.js';
import { ListProviders, type ProviderList } from './list-providers.query.js';

class ProviderDoc {
  @ApiProperty({ enum: HOLDER_KINDS }) kind!: string;
  @ApiProperty({ example: 'RL4' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'open practices it runs' }) practices!: number;
  @ApiProperty({ description: 'sum over its open practices' }) registeredPatients!: number;
  @ApiProperty({ type: [String] }) odsCodes!: string[];
}

class ProviderListDoc {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ format: 'date-time', description: 'the knownAt actually used (clamped to the stable horizon)' }) knownAt!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [ProviderDoc] }) items!: ProviderDoc[];
}

@ApiTags('landscape')
@RequiresRole('reader')
@Controller('providers')
export class ListProvidersController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Providers (the trust when subcontracted, else the contract holder) with practices and patients' })
  @ApiOkResponse({ type: ProviderListDoc })
  @ApiResponse({ status: 400, description: 'invalid parameter (problem+json)' })
  @ApiResponse({ status: 503, description: 'minPosition not reached within 5 s (problem+json, Retry-After)' })
  async list(@Query() params: ReadParams): Promise<ProviderList> {
    await this.consistency.awaitPosition(params.minPosition);
    return this.queries.execute(new ListProviders(params.asOf, params.knownAt));
  }
}
