import { EffectiveDateDto, IsName } from '../shared/common.dto.js';
import { IsTrustCode } from '../shared/identifier.validators.js';

export class SubcontractToTrustDto extends EffectiveDateDto {
  @IsTrustCode()
  trustCode!: string;

  @IsName('The Royal Wolverhampton NHS Trust')
  trustName!: string;
}
