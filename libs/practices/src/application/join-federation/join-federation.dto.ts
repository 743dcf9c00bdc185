import { EffectiveDateDto, IsName } from '../shared/common.dto.js';
import { IsSlug } from '../shared/identifier.validators.js';

export class JoinFederationDto extends EffectiveDateDto {
  @IsSlug('wolverhampton-gp-federation')
  federationId!: string;

  @IsName('Wolverhampton GP Federation')
  federationName!: string;
}
