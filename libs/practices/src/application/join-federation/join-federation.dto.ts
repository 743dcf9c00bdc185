import { EffectiveDateDto, IsName } from '../shared/common.dto.js';
import { IsSlug } from '#platform';

export class JoinFederationDto extends EffectiveDateDto {
  @IsSlug('wolverhampton-gp-federation')
  federationId!: string;

  @IsName('Wolverhampton GP Federation')
  federationName!: string;
}
