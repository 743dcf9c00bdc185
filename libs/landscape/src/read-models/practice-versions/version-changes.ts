import type { PracticeSnapshot, TimelineEvent } from '#practices';
import { diffVersions, effectiveVersions, extendEffectiveVersions, type EffectiveVersion } from './practice-version.js';

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

export interface PlannedVersions extends VersionChanges {
  /** The versions of the whole history, for the next plan to start from. */
  readonly versionsAfter: readonly EffectiveVersion[];
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
  versionsBefore?: readonly EffectiveVersion[],
): PlannedVersions {
  const closes: VersionRowClose[] = [];
  const open = new Map<string, VersionRowInsert>(); // rows inserted by this plan and still believed, by validFrom
  const done: VersionRowInsert[] = [];
  let before: readonly EffectiveVersion[] = versionsBefore ?? (firstNewIndex > 0 ? effectiveVersions(history.slice(0, firstNewIndex)) : []);
  let lastRecordedAt = latestRecordedAt(history.slice(0, firstNewIndex));
  let lastEffectiveDate = latestEffectiveDate(history, 0, firstNewIndex, null);
  let start = firstNewIndex;

  for (const end of groupEnds(history, firstNewIndex)) {
    const at = laterOf(history[end - 1].recordedAt, lastRecordedAt);
    lastRecordedAt = at;
    // Most appends land at the end of the timeline: fold only them; a correction or retraction folds it all again.
    const after = extendEffectiveVersions(before, lastEffectiveDate, history.slice(start, end)) ?? effectiveVersions(history.slice(0, end));
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
  return { closes, inserts: [...done, ...open.values()], versionsAfter: before };
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

function latestRecordedAt(events: readonly TimelineEvent[]): string | null {
  let latest: string | null = null;
  for (const event of events) if (latest === null || isLater(event.recordedAt, latest)) latest = event.recordedAt;
  return latest;
}

// The store writes instants in one fixed-width UTC form (ISO_MILLIS_FORMAT), which sorts as text: no parsing needed
// for the whole-history scans above. Anything else is compared as a date.
const inStoreForm = (instant: string): boolean => instant.length === 24 && instant[10] === 'T' && instant[23] === 'Z';
const isLater = (instant: string, than: string): boolean =>
  inStoreForm(instant) && inStoreForm(than) ? instant > than : Date.parse(instant) > Date.parse(than);

function laterOf(instant: string, other: string | null): string {
  return other !== null && isLater(other, instant) ? other : instant;
}
