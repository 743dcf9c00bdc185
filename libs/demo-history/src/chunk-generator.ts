import type { StreamAppend, StreamRead } from '#event-store';
import { practiceStreamId, toTimeline } from '#practices';
import { planEndings } from './endings.js';
import { recordLateCorrections } from './late-corrections.js';
import type { LifeState } from './life-state.js';
import type { NationalPlan } from './national-plan.js';
import { allocatePcns, type PcnCodes } from './pcn-allocation.js';
import { simulatePracticeLife } from './practice-life.js';
import { PracticeHistory } from './practice-history.js';
import type { PracticeOutline } from './practice-outline.js';
import { drawProfile } from './practice-profile.js';

/** Streams that must be appended in one atomic append (a merge writes to both practices). */
export type AtomicGroup = readonly StreamAppend[];

export interface GeneratedChunk {
  /** Practices of the chunk (some may have nothing to generate, e.g. closed before the history starts). */
  readonly practices: number;
  readonly groups: readonly AtomicGroup[];
  /** Late corrections, appended after every chunk's main events (so they are recorded later). */
  readonly late: readonly StreamAppend[];
  readonly refusals: readonly string[];
  /** Every stream's complete timeline after generation, when asked for (tests check them against the decider). */
  readonly timelines?: ReadonlyMap<string, PracticeHistory>;
}

/**
 * Generates the history of one chunk of whole commissioner areas: profiles and endings first (neighbours take on
 * patients), then each practice's life, then the mergers (both streams), closures, PCNs and late corrections.
 */
export function generateChunk(
  outlines: readonly PracticeOutline[],
  recorded: ReadonlyMap<string, StreamRead>,
  plan: NationalPlan,
  pcnCodes: PcnCodes,
  keepTimelines = false,
): GeneratedChunk {
  const { seed, toDate, endOfHistory } = plan.settings;
  const context = { seed, historyStart: plan.settings.historyStart, endOfHistory, recordedHorizon: plan.settings.recordedHorizon };
  const profiles = outlines
    .filter((o) => o.openedOn <= toDate)
    .map((o) => drawProfile(o, plan.subcontracts.get(o.odsCode) ?? [], context))
    .filter((p) => p.end > p.start);
  const endings = planEndings(seed, profiles, endOfHistory);

  const lives = new Map<string, LifeState>();
  for (const profile of profiles) {
    const stream = recorded.get(practiceStreamId(profile.outline.odsCode));
    const history = new PracticeHistory(profile.outline.odsCode, toTimeline(stream), stream?.version ?? 0, {
      seed,
      recordedBy: plan.settings.recordedBy,
    });
    lives.set(profile.outline.odsCode, simulatePracticeLife(profile, history, plan));
  }

  const merged = new Map<string, string>();
  for (const life of lives.values()) {
    const { odsCode, profile } = life;
    const into = endings.mergeInto.get(odsCode);
    if (into) {
      const target = lives.get(into)!;
      if (life.history.recordMerge({ type: 'MergePractice', odsCode, intoOdsCode: into, effectiveDate: profile.end }, target.history)) {
        merged.set(odsCode, into);
      }
    } else if (endings.closures.has(odsCode)) {
      life.history.record({ type: 'ClosePractice', odsCode, reason: closureReason(life), effectiveDate: profile.end });
    }
  }
  allocatePcns([...lives.values()], seed, endOfHistory, pcnCodes);
  for (const life of lives.values()) recordLateCorrections(life, endOfHistory);

  const refusals = [...lives.values()].flatMap((life) => life.history.refusals);
  const histories = new Map([...lives.values()].map((life) => [life.odsCode, life.history]));
  return {
    practices: outlines.length,
    groups: atomicGroups(histories, merged),
    late: lateAppends(histories),
    refusals,
    ...(keepTimelines ? { timelines: histories } : {}),
  };
}

function closureReason(life: LifeState): string {
  switch (life.contract?.holder.kind) {
    case 'individual':
      return 'single-handed contractor retired; patients registered with neighbouring practices';
    case 'company':
    case 'nhs-trust':
      return 'APMS contract ended and was not re-procured; patients dispersed';
    default:
      return 'partnership dissolved; list dispersed to neighbouring practices';
  }
}

/** Main (not late) events per stream, with the practices joined by mergers kept in one group. */
function atomicGroups(histories: ReadonlyMap<string, PracticeHistory>, merges: ReadonlyMap<string, string>): AtomicGroup[] {
  const root = new Map<string, string>();
  const find = (code: string): string => {
    let current = code;
    while (root.has(current)) current = root.get(current)!;
    return current;
  };
  for (const [from, into] of merges) {
    const a = find(from);
    const b = find(into);
    if (a !== b) root.set(a, b);
  }
  const groups = new Map<string, StreamAppend[]>();
  for (const [odsCode, history] of histories) {
    const events = history.events.slice(0, history.lateFrom ?? history.events.length);
    if (events.length === 0) continue;
    const key = find(odsCode);
    const group = groups.get(key) ?? [];
    group.push({ streamId: practiceStreamId(odsCode), expectedVersion: history.recordedVersion, events });
    groups.set(key, group);
  }
  return [...groups.values()];
}

function lateAppends(histories: ReadonlyMap<string, PracticeHistory>): StreamAppend[] {
  const appends: StreamAppend[] = [];
  for (const [odsCode, history] of histories) {
    if (history.lateFrom === null || history.lateFrom === history.events.length) continue;
    appends.push({
      streamId: practiceStreamId(odsCode),
      expectedVersion: history.recordedVersion + history.lateFrom,
      events: history.events.slice(history.lateFrom),
    });
  }
  return appends;
}
