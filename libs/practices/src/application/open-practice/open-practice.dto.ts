import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import { IsName } from '../shared/common.dto.js';
import { ContractDto } from '../shared/contract.dto.js';
import { IsCalendarDate, IsCommissionerCode, IsOdsCode } from '#platform';

export class OpenPracticeDto {
  @IsOdsCode()
  odsCode!: string;

  @IsName('The Surgery')
  name!: string;

  @IsCalendarDate()
  openedOn!: string;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCommissionerCode({ required: false, nullable: true })
  commissionerCode?: string | null;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContractDto)
  @ApiPropertyOptional({ type: ContractDto })
  contract?: ContractDto;
}
