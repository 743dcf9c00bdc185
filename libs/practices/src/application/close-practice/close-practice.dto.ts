import { EffectiveDateDto, IsName } from '../shared/common.dto.js';

export class ClosePracticeDto extends EffectiveDateDto {
  @IsName('Contract ended')
  reason!: string;
}
