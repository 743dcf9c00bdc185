import { EffectiveDateDto, IsName } from '../shared/common.dto.js';

export class RenamePracticeDto extends EffectiveDateDto {
  @IsName('The New Surgery')
  name!: string;
}
