import { stateAt, type PracticeSnapshot, type TimelineEvent } from '#practices';

/**
 * The landscape on `asOf` as known at `knownAt`, folded from raw histories with the pure decider (SPEC §4): every
 * practice that existed on asOf, in ODS code order. Independent of the projections by construction.
 */
export function replayLandscape(histories: ReadonlyMap<string, readonly TimelineEvent[]>, asOf: string, knownAt: string): PracticeSnapshot[] {
  return [...histories.keys()]
    .sort()
    .map((odsCode) => stateAt(histories.get(odsCode)!, asOf, knownAt))
    .filter((state): state is PracticeSnapshot => state !== null);
}
