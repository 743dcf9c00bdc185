import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsOptional, Matches } from 'class-validator';
import { PATTERNS } from '#platform';

export const MAX_COMMISSIONERS = 100;

/**
 * `commissioner`, repeatable (?commissioner=00K&commissioner=5E1): the query string gives one value as a string and
 * several as an array, so both become an array before each code is checked against SPEC §2.
 */
export const OptionalCommissioners = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? [value] : value)),
    IsOptional(),
    ArrayMaxSize(MAX_COMMISSIONERS),
    Matches(PATTERNS.commissionerCode, {
      each: true,
      message: `each $property must be a commissioner code matching ${PATTERNS.commissionerCode.source}`,
    }),
    ApiPropertyOptional({
      type: [String],
      example: ['00K', '5E1'],
      description: `restrict to practices with one of these commissioners on each date (repeatable, at most ${MAX_COMMISSIONERS})`,
    }),
  );

/** The codes asked for, or null for no filter (an absent parameter). */
export const commissionerFilter = (codes: readonly string[] | undefined): ReadonlySet<string> | null => (codes === undefined ? null : new Set(codes));
