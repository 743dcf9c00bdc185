import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsSafeText } from './safe-text.js';
import { IsCalendarDate, IsGmcNumber, IsOdsCode, IsSlug } from '#platform';

/** A human-readable name: plain text (SPEC §9), not blank, at most 200 characters. */
export const IsName = (example: string) => (target: object, key: string | symbol) => {
  IsString()(target, key);
  IsSafeText()(target, key);
  Matches(/\S/, { message: '$property must not be blank' })(target, key);
  MaxLength(200)(target, key);
  ApiProperty({ example, maxLength: 200 })(target, key);
};

export class EffectiveDateDto {
  @IsCalendarDate()
  effectiveDate!: string;
}

export class PracticePath {
  @IsOdsCode({ description: 'practice ODS code' })
  ods!: string;
}

export class PracticeGpPath extends PracticePath {
  @IsGmcNumber()
  gmc!: string;
}

export class PracticeFederationPath extends PracticePath {
  @IsSlug('wolverhampton-gp-federation')
  id!: string;
}
