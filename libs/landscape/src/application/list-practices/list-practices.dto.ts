import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { OptionalPageLimit, PATTERNS } from '#platform';
import { CONTRACT_TYPES, HOLDER_KINDS, type ContractType, type HolderKind } from '#practices';
import { PracticeFieldsDoc } from '../shared/practice-view.dto.js';
import { OptionalPattern } from '../shared/query-validators.js';
import { ReadParams } from '../shared/read-params.dto.js';

export const PRACTICE_STATUS_FILTERS = ['open', 'closed', 'all'] as const;
export type PracticeStatusFilter = (typeof PRACTICE_STATUS_FILTERS)[number];
export const MAX_PAGE_SIZE = 1_000;
export const DEFAULT_PAGE_SIZE = 100;

export class ListPracticesParams extends ReadParams {
  @IsOptional()
  @IsIn(PRACTICE_STATUS_FILTERS)
  @ApiPropertyOptional({ enum: PRACTICE_STATUS_FILTERS, default: 'open' })
  status?: PracticeStatusFilter;

  @OptionalPattern(PATTERNS.commissionerCode, 'a commissioner code', '00K', 'commissioner (PCT, CCG, sub-ICB or ICB code)')
  commissioner?: string;

  @IsOptional()
  @IsIn(CONTRACT_TYPES)
  @ApiPropertyOptional({ enum: CONTRACT_TYPES })
  contractType?: ContractType;

  @IsOptional()
  @IsIn(HOLDER_KINDS)
  @ApiPropertyOptional({ enum: HOLDER_KINDS })
  holderKind?: HolderKind;

  @OptionalPattern(PATTERNS.trustCode, 'an NHS trust ODS code', 'RL4', 'practices subcontracted to this trust')
  trust?: string;

  @OptionalPattern(PATTERNS.slug, 'a federation id (slug)', 'wolverhampton-gp-federation', 'practices in this federation')
  federation?: string;

  @OptionalPattern(PATTERNS.pcnCode, 'a PCN code', 'U12345', 'practices in this primary care network')
  pcn?: string;

  @OptionalPageLimit(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE)
  limit?: number;

  @IsOptional()
  @IsString()
  @ApiPropertyOptional({
    description: 'nextCursor of the previous page; it keeps the asOf and knownAt of the first page (repeat the filters)',
  })
  cursor?: string;
}

export class PracticePageDoc {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ format: 'date-time', description: 'the knownAt actually used (clamped to the stable horizon)' }) knownAt!: string;
  @ApiProperty({ description: 'practices matching the filters, over all pages' }) total!: number;
  @ApiProperty({ type: [PracticeFieldsDoc] }) items!: PracticeFieldsDoc[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as cursor for the next page; null on the last page' })
  nextCursor!: string | null;
}
