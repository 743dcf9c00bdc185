import { ValidateIf } from 'class-validator';
import { EffectiveDateDto } from '../shared/common.dto.js';
import { IsCommissionerCode } from '#platform';

export class ChangeCommissionerDto extends EffectiveDateDto {
  @ValidateIf((_, value) => value !== null)
  @IsCommissionerCode({ nullable: true, description: 'null: no commissioner' })
  commissionerCode!: string | null;
}
