import { EffectiveDateDto, IsName } from '../shared/common.dto.js';
import { IsPcnCode } from '#platform';

export class JoinPcnDto extends EffectiveDateDto {
  @IsPcnCode()
  pcnCode!: string;

  @IsName('North Wolverhampton PCN')
  pcnName!: string;
}
