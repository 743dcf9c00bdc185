import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateNested } from 'class-validator';
import { CONTRACT_TYPES, HOLDER_KINDS, type ContractType, type HolderKind } from '../../domain/index.js';
import { IsName } from './common.dto.js';
import { IsSlug } from '#platform';

export class ContractHolderDto {
  @IsIn(HOLDER_KINDS)
  @ApiProperty({ enum: HOLDER_KINDS })
  kind!: HolderKind;

  @IsSlug('the-surgery-partnership')
  id!: string;

  @IsName('The Surgery Partnership')
  name!: string;
}

export class ContractDto {
  @IsIn(CONTRACT_TYPES)
  @ApiProperty({ enum: CONTRACT_TYPES })
  type!: ContractType;

  @IsObject()
  @ValidateNested()
  @Type(() => ContractHolderDto)
  @ApiProperty({ type: ContractHolderDto })
  holder!: ContractHolderDto;
}
