import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { EffectiveDateDto } from '../shared/common.dto.js';

export class RecordListSizeDto extends EffectiveDateDto {
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  @ApiProperty({ minimum: 0, maximum: 1_000_000, example: 9700 })
  registeredPatients!: number;
}
