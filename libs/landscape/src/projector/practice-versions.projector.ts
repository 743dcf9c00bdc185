import type pg from 'pg';
import { EventStore, type LogCursor, type RecordedEvent } from '#event-store';
import { StreamPrefixCache } from '#practices';
import type { PracticeVersionsTable } from '../schema/practice-versions.ddl.js';
import { latestRecordedAt, planVersionChanges, type VersionChanges } from '../read-models/practice-versions/version-changes.js';
import { applyStep } from './apply-step.js';
import { advanced, isSettled, readCheckpoint, type Checkpoint } from './checkpoint-store.js';
import { HistoryCache } from './history-cache.js';
import { loadPageWork } from './practice-histories.js';

export interface ProjectorOptions {
  /** The table to project into; its name is also the checkpoint's name. */
  readonly table: PracticeVersionsTable;
  readonly batchSize?: number;
  /** Where to hold the practice histories read: a cache shared with the process's commands, or by default one of its own. */
  readonly histories?: StreamPrefixCache;
}

/** The projector's own history cache when it shares none: sized for a catch-up or rebuild over the whole log. */
const OWN_CACHE_EVENTS = 100_000;

export interface StepResult {
  /** Events of the log passed over (applied or not ours) in this step. */
  readonly applied: number;
  /** True when the page was cut by the batch size: more is readable right away. */
  readonly hasMore: boolean;
  /** True when another writer moved the checkpoint first; nothing was written. */
  readonly conflict: boolean;
  readonly cursor: LogCursor | null;
  /**
   * False while some applied event was recorded after the stable horizon (a writer still in flight, or the horizon
   * read in the same millisecond): reads waiting for it wait until a later step moves the horizon on.
   */
  readonly settled: boolean;
}

/** A step worked out and not yet written: `changes` null when there is nothing to write (no events, no newer horizon). */
interface PlannedStep {
  readonly from: Checkpoint;
  readonly next: Checkpoint;
  readonly changes: VersionChanges | null;
  readonly events: number;
  readonly hasMore: boolean;
}

/**
 * The landscape projection over the whole log. Each step reads the page after the stored checkpoint, works out every
 * touched practice's new bitemporal rows from its stream, and writes rows and checkpoint in one call (one transaction,
 * see apply-step.ts) that first locks the checkpoint and checks it has not moved (compare-and-set). So a crash at any
 * point leaves rows and checkpoint agreeing, and several projector processes on one database never apply an event twice.
 *
 * Nothing inside the transaction waits for another connection (the embedded database serves one session).
 */
export class PracticeVersionsProjector {
  readonly table: PracticeVersionsTable;
  private readonly batchSize: number;
  private readonly cache: HistoryCache;
  /**
   * The checkpoint as this projector last committed it, so a step need not read it back first. Only a hint: the step's
   * write locks the stored checkpoint and compares, so if anything else moved it (another projector, a rebuild
   * switching in) the step writes nothing, forgets the hint and reads the stored one next time.
   */
  private lastCommitted: Checkpoint | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly pool: pg.Pool,
    options: ProjectorOptions,
  ) {
    this.table = options.table;
    this.batchSize = options.batchSize ?? 1_000;
    this.cache = new HistoryCache(options.histories ?? new StreamPrefixCache(OWN_CACHE_EVENTS));
  }

  /** The checkpoint this projector last committed, null when its last step committed none. */
  get committed(): Checkpoint | null {
    return this.lastCommitted;
  }

  async step(): Promise<StepResult> {
    return this.write(await this.planFromStored());
  }

  /**
   * Steps until the log is exhausted; `onStep` sees each step (progress output). While one page is being written the
   * next is read and planned from the checkpoint that write will commit, so the server writes while this process
   * plans (a rebuild's pace). Should the write not commit, the page planned ahead is dropped and planned again.
   */
  async catchUp(onStep?: (result: StepResult) => void, signal?: AbortSignal): Promise<number> {
    let total = 0;
    let ahead: Promise<PlannedStep> | null = null;
    try {
      for (;;) {
        if (signal?.aborted) return total;
        const planned: PlannedStep = await (ahead ?? this.planFromStored());
        ahead = planned.hasMore ? this.plan(planned.next) : null;
        ahead?.catch(() => undefined); // awaited (and its error thrown) next round; until then not "unhandled"
        const result = await this.write(planned);
        total += result.applied;
        onStep?.(result);
        if (result.conflict) {
          await ahead?.catch(() => undefined); // planned from a checkpoint that was not committed
          ahead = null;
        }
        if (!result.hasMore && !result.conflict && result.applied === 0) return total;
      }
    } finally {
      await ahead?.catch(() => undefined);
    }
  }

  private planFromStored(): Promise<PlannedStep> {
    const from = this.lastCommitted;
    return from ? this.plan(from) : readCheckpoint(this.pool, this.table).then((stored) => this.plan(stored));
  }

  /** Reads the page after `from` and works out its changes and the checkpoint after it. Writes nothing. */
  private async plan(from: Checkpoint): Promise<PlannedStep> {
    const page = await this.store.readAll(from.cursor, this.batchSize);
    // A page cut by the limit may leave events recorded before its horizon for later pages: no horizon from it.
    const horizon = page.hasMore ? null : page.stableHorizon;
    const newerHorizon = horizon !== null && (from.stableHorizon === null || Date.parse(horizon) > Date.parse(from.stableHorizon));
    if (page.events.length === 0 && !newerHorizon) return { from, next: from, changes: null, events: 0, hasMore: page.hasMore };
    const work = await loadPageWork(this.store, this.cache, page.events);
    const changes: VersionChanges = { closes: [], inserts: [] };
    for (const practice of work) {
      const planned = planVersionChanges(practice.odsCode, practice.history, practice.firstNewIndex, practice.basis);
      changes.closes.push(...planned.closes);
      changes.inserts.push(...planned.inserts);
      this.cache.rememberBasis(practice.streamId, practice.history.length, planned.after);
    }
    const next = advanced(from, {
      cursor: page.cursor ?? from.cursor,
      stableHorizon: horizon,
      recordedThrough: latestRecordedAt(page.events),
      settledThrough: horizon === null ? null : settledThrough(page.events, horizon),
      eventsApplied: page.events.length,
    });
    return { from, next, changes, events: page.events.length, hasMore: page.hasMore };
  }

  private async write({ from, next, changes, events, hasMore }: PlannedStep): Promise<StepResult> {
    if (changes === null) {
      this.lastCommitted = from;
      return { applied: 0, hasMore, conflict: false, cursor: from.cursor, settled: isSettled(from) };
    }
    this.lastCommitted = null;
    if (!(await applyStep(this.pool, this.table, from, next, changes))) {
      return { applied: 0, hasMore, conflict: true, cursor: from.cursor, settled: false };
    }
    this.lastCommitted = next;
    return { applied: events, hasMore, conflict: false, cursor: next.cursor, settled: isSettled(next) };
  }

  forgetHistories(): void {
    this.cache.clear();
  }
}

/** The last event of the longest run from the page's start recorded at or before `horizon`. */
function settledThrough(events: readonly RecordedEvent[], horizon: string): LogCursor | null {
  const bound = Date.parse(horizon);
  let through: LogCursor | null = null;
  for (const event of events) {
    if (Date.parse(event.recordedAt) > bound) break;
    through = { transactionId: event.transactionId, position: event.position };
  }
  return through;
}
