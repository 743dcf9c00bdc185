import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PARTNER_EXIT_REASONS, type PartnerExitReason } from '../../domain/index.js';
import { EffectiveDateDto } from '../shared/common.dto.js';

export class RecordPartnerExitDto extends EffectiveDateDto {
  @IsIn(PARTNER_EXIT_REASONS)
  @ApiProperty({ enum: PARTNER_EXIT_REASONS })
  reason!: PartnerExitReason;
}
