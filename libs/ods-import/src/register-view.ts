import type { TimelineEvent } from '#practices';

/** What the register already says about a practice, as far as the ODS files can speak to it. */
export interface RegisterView {
  readonly opened: boolean;
  readonly openedOn: string | null;
  /** The name in force after every recorded rename (latest effective date). */
  readonly name: string | null;
  /** Effective date of the closure or merger, if the practice has ended. */
  readonly endedOn: string | null;
  /** Effective date of the latest recorded commissioner (at opening or changed). */
  readonly lastCommissionerChangeOn: string | null;
  commissionerAt(date: string): string | null;
}

/** Folds the practice's stream in effective order (ties: recorded order), leaving out retracted events. */
export function registerView(timeline: readonly TimelineEvent[]): RegisterView {
  const retracted = new Set<string>();
  for (const { event } of timeline) if (event.type === 'EventRetracted') retracted.add(event.data.eventId);
  const ordered = timeline
    .filter((entry) => !retracted.has(entry.eventId))
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.streamVersion - b.streamVersion);

  let openedOn: string | null = null;
  let name: string | null = null;
  let endedOn: string | null = null;
  const commissioners: Array<{ from: string; code: string | null }> = [];
  for (const { event, effectiveDate } of ordered) {
    if (event.type === 'PracticeOpened') {
      openedOn = effectiveDate;
      name = event.data.name;
      commissioners.push({ from: effectiveDate, code: event.data.commissionerCode ?? null });
    } else if (event.type === 'PracticeRenamed') {
      name = event.data.name;
    } else if (event.type === 'CommissionerChanged') {
      commissioners.push({ from: effectiveDate, code: event.data.commissionerCode });
    } else if (event.type === 'PracticeClosed' || event.type === 'PracticeMerged') {
      endedOn ??= effectiveDate;
    }
  }
  return {
    opened: openedOn !== null,
    openedOn,
    name,
    endedOn,
    lastCommissionerChangeOn: commissioners.at(-1)?.from ?? null,
    commissionerAt(date) {
      let code: string | null = null;
      for (const change of commissioners) {
        if (change.from > date) break;
        code = change.code;
      }
      return code;
    },
  };
}
