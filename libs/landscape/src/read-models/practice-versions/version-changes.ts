import { practiceVersions, type PracticeSnapshot, type PracticeVersion, type TimelineEvent } from '#practices';
import { diffVersions, extendEffectiveVersions } from './practice-version.js';

/** A bitemporal row to insert: an effective version believed from recordedFrom until recordedTo (null: still). */
export interface VersionRowInsert {
  readonly odsCode: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly recordedFrom: string;
  readonly recordedTo: string | null;
  readonly state: PracticeSnapshot;
}

/** A currently believed row (recorded_to IS NULL) that stops being believed at `at`. */
export interface VersionRowClose {
  readonly odsCode: string;
  readonly validFrom: string;
  readonly at: string;
}

export interface VersionChanges {
  readonly closes: VersionRowClose[];
  readonly inserts: VersionRowInsert[];
}

/**
 * What a plan continues from, all derived from the history applied so far: its versions and the latest recordedAt and
 * effective date among its events. Kept between plans so a page never rescans the practice's whole history.
 */
export interface PlanBasis {
  readonly versions: readonly PracticeVersion[];
  readonly lastRecordedAt: string | null;
  readonly lastEffectiveDate: string | null;
}

export interface PlannedVersions extends VersionChanges {
  /** The basis of the whole history, for the next plan to start from. */
  readonly after: PlanBasis;
}

/** The basis of `history` worked out from scratch. */
export function planBasisOf(history: readonly TimelineEvent[]): PlanBasis {
  return {
    versions: practiceVersions(history),
    lastRecordedAt: latestRecordedAt(history),
    lastEffectiveDate: latestEffectiveDate(history, 0, history.length, null),
  };
}

/**
 * What the practice's bitemporal rows must become once the events from `firstNewIndex` on are applied.
 *
 * `history` is the practice's stream in version order up to the last event being applied; the rows already stored
 * are, by construction, the versions of `history.slice(0, firstNewIndex)` with no recorded end. New events are taken
 * in groups that share a recordedAt (one append): after each group the versions are recomputed and only the ones that
 * changed are closed (at the group's recordedAt) and inserted, so earlier beliefs stay visible to earlier knownAt.
 *
 * Within a stream recordedAt follows stream order (appends to a stream are serialised); should the clock ever step
 * back, the group is dated at the latest recordedAt already applied so recorded ranges stay well-formed.
 */
export function planVersionChanges(
  odsCode: string,
  history: readonly TimelineEvent[],
  firstNewIndex: number,
  basis: PlanBasis = planBasisOf(history.slice(0, firstNewIndex)),
): PlannedVersions {
  const closes: VersionRowClose[] = [];
  const open = new Map<string, VersionRowInsert>(); // rows inserted by this plan and still believed, by validFrom
  const done: VersionRowInsert[] = [];
  let before = basis.versions;
  let { lastRecordedAt, lastEffectiveDate } = basis;
  let start = firstNewIndex;

  for (const end of groupEnds(history, firstNewIndex)) {
    const at = laterOf(history[end - 1].recordedAt, lastRecordedAt);
    lastRecordedAt = at;
    // Most appends land at the end of the timeline: fold only them; a correction or retraction folds it all again.
    const after = extendEffectiveVersions(before, lastEffectiveDate, history.slice(start, end)) ?? practiceVersions(history.slice(0, end));
    lastEffectiveDate = latestEffectiveDate(history, start, end, lastEffectiveDate);
    start = end;
    const { removed, added } = diffVersions(before, after);
    for (const version of removed) {
      const pending = open.get(version.validFrom);
      if (pending) {
        open.delete(version.validFrom);
        if (Date.parse(pending.recordedFrom) < Date.parse(at)) done.push({ ...pending, recordedTo: at });
      } else {
        closes.push({ odsCode, validFrom: version.validFrom, at });
      }
    }
    for (const version of added) {
      open.set(version.validFrom, {
        odsCode,
        validFrom: version.validFrom,
        validTo: version.validTo,
        recordedFrom: at,
        recordedTo: null,
        state: version.state,
      });
    }
    before = after;
  }
  return { closes, inserts: [...done, ...open.values()], after: { versions: before, lastRecordedAt, lastEffectiveDate } };
}

/** Exclusive end index of each run of events (from `start`) that share a recordedAt. */
function groupEnds(history: readonly TimelineEvent[], start: number): number[] {
  const ends: number[] = [];
  for (let index = start; index < history.length; index++) {
    const next = history[index + 1];
    if (!next || next.recordedAt !== history[index].recordedAt) ends.push(index + 1);
  }
  return ends;
}

/** The latest effective date among history[from, to) (retractions have none of their own), or `latest` if later. */
function latestEffectiveDate(history: readonly TimelineEvent[], from: number, to: number, latest: string | null): string | null {
  for (let index = from; index < to; index++) {
    const event = history[index];
    if (event.event.type !== 'EventRetracted' && (latest === null || event.effectiveDate > latest)) latest = event.effectiveDate;
  }
  return latest;
}

/** The latest recordedAt among `events`, null for none. */
export function latestRecordedAt(events: readonly { readonly recordedAt: string }[]): string | null {
  return events.reduce<string | null>((latest, event) => laterOf(event.recordedAt, latest), null);
}

function laterOf(instant: string, other: string | null): string {
  return other !== null && Date.parse(other) > Date.parse(instant) ? other : instant;
}
