import { EffectiveDateDto, IsName } from '../shared/common.dto.js';
import { IsTrustCode } from '#platform';

export class SubcontractToTrustDto extends EffectiveDateDto {
  @IsTrustCode()
  trustCode!: string;

  @IsName('The Royal Wolverhampton NHS Trust')
  trustName!: string;
}
