import { EffectiveDateDto, IsName } from '../shared/common.dto.js';
import { IsGmcNumber } from '#platform';

export class AddSalariedGpDto extends EffectiveDateDto {
  @IsGmcNumber()
  gmcNumber!: string;

  @IsName('Dr B Jones')
  name!: string;
}
