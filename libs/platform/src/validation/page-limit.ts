import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** An optional page size from the query string: a whole number from 1 to `maximum`, `defaultLimit` when left out. */
export const OptionalPageLimit = (maximum: number, defaultLimit: number) =>
  // Listed bottom-up, the order stacked decorators are applied in, so validation messages keep their order.
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum, default: defaultLimit }),
    Max(maximum),
    Min(1),
    IsInt(),
    Type(() => Number),
    IsOptional(),
  );
