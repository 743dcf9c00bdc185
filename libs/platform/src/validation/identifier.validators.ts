import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Matches, ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';

/** Identifier formats of SPEC §2. */
export const PATTERNS = {
  odsCode: /^[A-Z][0-9]{5}$/,
  trustCode: /^R[A-Z0-9]{2}$/,
  commissionerCode: /^[0-9A-Z]{3,5}$/,
  gmcNumber: /^[0-9]{7}$/,
  pcnCode: /^U[0-9]{5}$/,
  slug: /^[a-z0-9][a-z0-9-]{1,63}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
} as const;

const pattern = (regex: RegExp, what: string, example: string, options: ApiPropertyOptions = {}) =>
  applyDecorators(
    Matches(regex, { message: `$property must be ${what} matching ${regex.source}` }),
    // type: every identifier is a string, also where the property's TypeScript type is `string | null`.
    ApiProperty({ type: 'string', pattern: regex.source, example, ...options } as ApiPropertyOptions),
  );

export const IsOdsCode = (options?: ApiPropertyOptions) => pattern(PATTERNS.odsCode, 'a practice ODS code', 'M92011', options);
export const IsTrustCode = () => pattern(PATTERNS.trustCode, 'an NHS trust ODS code', 'RL4');
export const IsCommissionerCode = (options?: ApiPropertyOptions) => pattern(PATTERNS.commissionerCode, 'a commissioner code', '00K', options);
export const IsGmcNumber = () => pattern(PATTERNS.gmcNumber, 'a 7-digit GMC reference number', '4012345');
export const IsPcnCode = () => pattern(PATTERNS.pcnCode, 'a PCN code', 'U12345');
export const IsSlug = (example: string) => pattern(PATTERNS.slug, 'a lower-case slug', example);

/** True for a real calendar date written YYYY-MM-DD (2023-02-29 is refused). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '1900-01-01' && value <= '2199-12-31';
}

/** True for an ISO-8601 instant with a time zone (Z or ±hh:mm), e.g. 2016-04-01T12:00:00Z. */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return false;
  return isCalendarDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

export function IsCalendarDate(validationOptions?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    ValidateBy(
      {
        name: 'isCalendarDate',
        validator: {
          validate: (value) => isCalendarDate(value),
          defaultMessage: buildMessage((each) => `${each}$property must be a real calendar date written YYYY-MM-DD`, validationOptions),
        },
      },
      validationOptions,
    ),
    ApiProperty({ type: String, format: 'date', example: '2016-04-01' }),
  );
}

export function IsIsoInstant(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoInstant',
      validator: {
        validate: (value) => isIsoInstant(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an ISO-8601 instant with a time zone, e.g. 2016-04-01T12:00:00Z`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

export const IsEventId = () => pattern(PATTERNS.uuid, 'an event id (uuid)', '3f2c1d9e-8a7b-4c6d-9e0f-1a2b3c4d5e6f');
