import { OptionalDate, OptionalInstant, OptionalLogPosition } from './query-validators.js';

/** What every landscape read takes (SPEC §4): the effective date, the knowledge instant, and read-your-writes. */
export class ReadParams {
  @OptionalDate('the effective date to answer for (default today, UTC)')
  asOf?: string;

  @OptionalInstant('what the register believed at this instant (default now; clamped to the stable horizon)')
  knownAt?: string;

  @OptionalLogPosition()
  minPosition?: string;
}

/** Reads that take only knownAt and minPosition (their dates are parameters of their own). */
export class KnownAtParams {
  @OptionalInstant('what the register believed at this instant (default now; clamped to the stable horizon)')
  knownAt?: string;

  @OptionalLogPosition()
  minPosition?: string;
}
