import { EffectiveDateDto, IsName } from '../shared/common.dto.js';
import { IsGmcNumber } from '#platform';

export class AddPartnerDto extends EffectiveDateDto {
  @IsGmcNumber()
  gmcNumber!: string;

  @IsName('Dr A Patel')
  name!: string;
}
