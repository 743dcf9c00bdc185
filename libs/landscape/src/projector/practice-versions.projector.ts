import type pg from 'pg';
import { EventStore, type EventWithoutMetadata, type LogCursor, type ReadAllResult } from '#event-store';
import { StreamPrefixCache } from '#practices';
import type { PracticeVersionsTable } from '../schema/practice-versions.ddl.js';
import { latestRecordedAt, planVersionChanges, type VersionChanges } from '../read-models/practice-versions/version-changes.js';
import { applyStep } from './apply-step.js';
import { applyBulkStep, encodeRowsAhead } from './apply-bulk-step.js';
import { advanced, isSettled, readCheckpoint, type Checkpoint } from './checkpoint-store.js';
import { HistoryCache } from './history-cache.js';
import { loadPageWork } from './practice-histories.js';
import { PageReadAhead } from './page-read-ahead.js';

export interface ProjectorOptions {
  /** The table to project into; its name is also the checkpoint's name. */
  readonly table: PracticeVersionsTable;
  readonly batchSize?: number;
  /** Where to hold the practice histories read: a cache shared with the process's commands, or by default one of its own. */
  readonly histories?: StreamPrefixCache;
  /**
   * Steps inserting at least this many rows load them by COPY (apply-bulk-step.ts); smaller ones, a live projector's
   * usual step, stay one round trip.
   */
  readonly copyFromRows?: number;
}

/** The projector's own history cache when it shares none: sized for a catch-up or rebuild over the whole log. */
const OWN_CACHE_EVENTS = 100_000;

/** Below this a step's four COPY round trips cost more than parsing its rows as JSON saves (a live step is 1-50 rows). */
const COPY_FROM_ROWS = 500;

/** Pages a catch-up reads ahead of the one it plans: enough that the database never waits for the next read. */
const READ_AHEAD_PAGES = 2;

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
  /** The inserts encoded while planning, where the database loads them whole (encodeRowsAhead). */
  readonly encoded: Buffer | null;
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
  private readonly copyFromRows: number;
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
    this.copyFromRows = options.copyFromRows ?? COPY_FROM_ROWS;
  }

  /** The checkpoint this projector last committed, null when its last step committed none. */
  get committed(): Checkpoint | null {
    return this.lastCommitted;
  }

  async step(): Promise<StepResult> {
    const from = this.lastCommitted ?? (await readCheckpoint(this.pool, this.table));
    return this.write(await this.plan(from, this.store.readAllWithoutMetadata(from.cursor, this.batchSize)));
  }

  /**
   * Steps until the log is exhausted; `onStep` sees each step (progress output). Three things go on at once, a
   * rebuild's pace: the database writes one page, this process plans the next from the checkpoint that write will
   * commit, and the pages after it are being read (PageReadAhead). Should a write not commit, what was planned and
   * read ahead is dropped and planned again from the stored checkpoint.
   */
  async catchUp(onStep?: (result: StepResult) => void, signal?: AbortSignal): Promise<number> {
    let total = 0;
    let pages: PageReadAhead | null = null;
    let ahead: Promise<PlannedStep> | null = null;
    try {
      for (;;) {
        if (signal?.aborted) return total;
        if (ahead === null) {
          const from = this.lastCommitted ?? (await readCheckpoint(this.pool, this.table));
          await pages?.close();
          pages = new PageReadAhead(this.store, from.cursor, this.batchSize, READ_AHEAD_PAGES);
          ahead = this.plan(from, pages.next(), true);
        }
        const planned: PlannedStep = await ahead;
        ahead = planned.hasMore ? this.plan(planned.next, pages!.next(), true) : null;
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
      await pages?.close();
    }
  }

  /**
   * Works out the page's changes and the checkpoint after it, once the page arrives. Writes nothing. In a catch-up
   * (`readingAhead`), planning a page is a burst of CPU: the reads its arrival started first reach the database.
   */
  private async plan(from: Checkpoint, pageRead: Promise<ReadAllResult<EventWithoutMetadata> | null>, readingAhead = false): Promise<PlannedStep> {
    const page = await pageRead;
    if (page === null) throw new Error('read past the end of the log (a page followed one that had no more)');
    if (readingAhead) await new Promise<void>((resolve) => setImmediate(resolve));
    // A page cut by the limit may leave events recorded before its horizon for later pages: no horizon from it.
    const horizon = page.hasMore ? null : page.stableHorizon;
    const newerHorizon = horizon !== null && (from.stableHorizon === null || Date.parse(horizon) > Date.parse(from.stableHorizon));
    if (page.events.length === 0 && !newerHorizon) return { from, next: from, changes: null, encoded: null, events: 0, hasMore: page.hasMore };
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
    const encoded = changes.inserts.length >= this.copyFromRows ? encodeRowsAhead(this.pool, changes.inserts) : null;
    return { from, next, changes, encoded, events: page.events.length, hasMore: page.hasMore };
  }

  private async write({ from, next, changes, encoded, events, hasMore }: PlannedStep): Promise<StepResult> {
    if (changes === null) {
      this.lastCommitted = from;
      return { applied: 0, hasMore, conflict: false, cursor: from.cursor, settled: isSettled(from) };
    }
    this.lastCommitted = null;
    const applied =
      changes.inserts.length >= this.copyFromRows
        ? applyBulkStep(this.pool, this.table, from, next, changes, encoded ?? undefined)
        : applyStep(this.pool, this.table, from, next, changes);
    if (!(await applied)) {
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
function settledThrough(events: readonly EventWithoutMetadata[], horizon: string): LogCursor | null {
  const bound = Date.parse(horizon);
  let through: LogCursor | null = null;
  for (const event of events) {
    if (Date.parse(event.recordedAt) > bound) break;
    through = { transactionId: event.transactionId, position: event.position };
  }
  return through;
}
