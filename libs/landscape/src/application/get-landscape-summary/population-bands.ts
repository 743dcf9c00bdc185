import { ValidateBy, type ValidationOptions } from 'class-validator';

export const DEFAULT_BANDS = '20000,100000';
const MAX_BOUNDS = 20;

/** A provider population band [min, max), max null for the open top band. */
export interface PopulationBand {
  readonly min: number;
  readonly max: number | null;
}

/** "20000,100000" → bounds, or null unless strictly increasing positive integers (at most 20). */
export function parseBandBounds(text: string): number[] | null {
  if (!/^\d{1,9}(,\d{1,9})*$/.test(text)) return null;
  const bounds = text.split(',').map(Number);
  if (bounds.length > MAX_BOUNDS || bounds[0] <= 0 || bounds.some((bound, index) => index > 0 && bound <= bounds[index - 1])) return null;
  return bounds;
}

/** Bounds 20000,100000 → [0,20000), [20000,100000), [100000,∞). */
export function bandsFrom(bounds: readonly number[]): PopulationBand[] {
  const starts = [0, ...bounds];
  return starts.map((min, index) => ({ min, max: index < bounds.length ? bounds[index] : null }));
}

export function IsBandBounds(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBandBounds',
      validator: {
        validate: (value) => typeof value === 'string' && parseBandBounds(value) !== null,
        defaultMessage: () => `$property must be up to ${MAX_BOUNDS} strictly increasing positive integers separated by commas, e.g. 20000,100000`,
      },
    },
    options,
  );
}
