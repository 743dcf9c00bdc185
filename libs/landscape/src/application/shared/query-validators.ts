import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsOptional, Matches, ValidateBy } from 'class-validator';
import { decodeCursor } from '#event-store';
import { isCalendarDate, isIsoInstant } from '#platform';

/** Optional query parameters, validated with the identifier formats of SPEC §2 and documented for OpenAPI. */
const optional = (docs: ApiPropertyOptions, ...validators: PropertyDecorator[]) =>
  applyDecorators(IsOptional(), ...validators, ApiPropertyOptional(docs));

export const OptionalDate = (description: string) =>
  optional(
    { type: String, format: 'date', example: '2016-04-01', description },
    ValidateBy({
      name: 'isCalendarDate',
      validator: { validate: isCalendarDate, defaultMessage: () => '$property must be a real calendar date written YYYY-MM-DD' },
    }),
  );

export const OptionalInstant = (description: string) =>
  optional(
    { type: String, format: 'date-time', example: '2024-01-01T00:00:00Z', description },
    ValidateBy({
      name: 'isIsoInstant',
      validator: {
        validate: isIsoInstant,
        defaultMessage: () => '$property must be an ISO-8601 instant with a time zone, e.g. 2016-04-01T12:00:00Z',
      },
    }),
  );

export const OptionalPattern = (pattern: RegExp, what: string, example: string, description: string) =>
  optional(
    { type: String, pattern: pattern.source, example, description },
    Matches(pattern, { message: `$property must be ${what} matching ${pattern.source}` }),
  );

export const OptionalLogPosition = () =>
  optional(
    {
      type: String,
      description: 'the `position` a write returned: the answer reflects at least that write (waits up to 5 s, else 503)',
    },
    ValidateBy({
      name: 'isLogPosition',
      validator: {
        validate: (value) => typeof value === 'string' && decodeCursor(value) !== null,
        defaultMessage: () => '$property must be a position returned by a write',
      },
    }),
  );
