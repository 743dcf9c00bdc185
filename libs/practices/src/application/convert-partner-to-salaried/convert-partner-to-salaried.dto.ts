import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SALARIED_EMPLOYERS, type SalariedEmployer } from '../../domain/index.js';
import { EffectiveDateDto } from '../shared/common.dto.js';

export class ConvertPartnerToSalariedDto extends EffectiveDateDto {
  @IsOptional()
  @IsIn(SALARIED_EMPLOYERS)
  @ApiPropertyOptional({ enum: SALARIED_EMPLOYERS, default: 'practice' })
  employer?: SalariedEmployer;
}
