import { EffectiveDateDto, IsName } from '../shared/common.dto.js';
import { IsGmcNumber } from '../shared/identifier.validators.js';

export class AddPartnerDto extends EffectiveDateDto {
  @IsGmcNumber()
  gmcNumber!: string;

  @IsName('Dr A Patel')
  name!: string;
}
