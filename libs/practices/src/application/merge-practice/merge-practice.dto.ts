import { EffectiveDateDto } from '../shared/common.dto.js';
import { IsOdsCode } from '../shared/identifier.validators.js';

export class MergePracticeDto extends EffectiveDateDto {
  @IsOdsCode()
  intoOdsCode!: string;
}
