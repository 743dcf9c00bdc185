import { EffectiveDateDto } from '../shared/common.dto.js';
import { IsOdsCode } from '#platform';

export class MergePracticeDto extends EffectiveDateDto {
  @IsOdsCode()
  intoOdsCode!: string;
}
