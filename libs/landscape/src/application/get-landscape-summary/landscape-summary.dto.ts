import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { OptionalCommissioners } from '../shared/commissioner-filter.js';
import { ReadParams } from '../shared/read-params.dto.js';
import { DEFAULT_BANDS, IsBandBounds } from './population-bands.js';

export class LandscapeSummaryParams extends ReadParams {
  @IsOptional()
  @IsBandBounds()
  @ApiPropertyOptional({
    default: DEFAULT_BANDS,
    example: DEFAULT_BANDS,
    description: 'provider population band bounds: 20000,100000 gives [0,20000), [20000,100000), [100000,∞)',
  })
  bands?: string;

  @OptionalCommissioners()
  commissioner?: string[];
}

const counts = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class PracticeCountsDoc {
  @ApiProperty() open!: number;
}
export class GpsDoc {
  @ApiProperty() partners!: number;
  @ApiProperty() salaried!: number;
  @ApiProperty({ description: 'salaried / (partners + salaried), 0 when there are no GPs' }) salariedShare!: number;
}
export class SubcontractedDoc {
  @ApiProperty() total!: number;
  @ApiProperty({ ...counts, description: 'practices by trust code' }) byTrust!: Record<string, number>;
}
class FederationsDoc {
  @ApiProperty() practicesInFederation!: number;
  @ApiProperty({ ...counts, description: 'practices by federation id' }) byFederation!: Record<string, number>;
}
class PcnsDoc {
  @ApiProperty() practicesInPcn!: number;
  @ApiProperty({ description: 'distinct PCNs with at least one open practice' }) pcns!: number;
}
class BandDoc {
  @ApiProperty() min!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'exclusive; null for the open top band' }) max!: number | null;
  @ApiProperty() providers!: number;
  @ApiProperty() registeredPatients!: number;
}
export class ProvidersDoc {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [BandDoc], description: "a provider's population is the sum over its open practices" })
  byPopulationBand!: BandDoc[];
}

export class LandscapeSummaryDoc {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ format: 'date-time', description: 'the knownAt actually used (clamped to the stable horizon)' }) knownAt!: string;
  @ApiProperty({ type: PracticeCountsDoc }) practices!: PracticeCountsDoc;
  @ApiProperty({ ...counts, description: 'open practices by commissioner code ("none": no commissioner)' })
  byCommissioner!: Record<string, number>;
  @ApiProperty({ ...counts, description: 'open practices by contract type ("none": no contract)' }) byContractType!: Record<string, number>;
  @ApiProperty({ ...counts, description: 'open practices by contract holder kind ("none": no contract)' }) byHolderKind!: Record<string, number>;
  @ApiProperty({ type: GpsDoc }) gps!: GpsDoc;
  @ApiProperty() singleHanded!: number;
  @ApiProperty() withoutPartners!: number;
  @ApiProperty({ type: SubcontractedDoc }) subcontracted!: SubcontractedDoc;
  @ApiProperty({ type: FederationsDoc }) federations!: FederationsDoc;
  @ApiProperty({ type: PcnsDoc }) pcns!: PcnsDoc;
  @ApiProperty() registeredPatients!: number;
  @ApiProperty({ type: ProvidersDoc }) providers!: ProvidersDoc;
}
