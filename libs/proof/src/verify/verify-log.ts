import type { KeyObject } from 'node:crypto';
import type pg from 'pg';
import type { EventStore, RecordedEvent } from '#event-store';
import { CompactRange } from '../merkle/index.js';
import { eventLeafHash } from '../log-store/leaf-data.js';
import { treeHeadsAfter, type SignedTreeHead } from '../log-store/tree-heads.js';
import { readLeaves, type StoredLeaf } from '../log-store/tree-rows.js';
import { checkHeads } from './check-heads.js';
import { diagnoseLeaf, type LeafDifference } from './diagnose-leaf.js';
import { EVENT_PROBLEMS, type LogProblem } from './log-problem.js';

export interface VerifyLogOptions {
  /** Keys to check signatures with, from outside the database (the signing key file's public half by default). */
  readonly publicKeys: readonly KeyObject[];
  readonly batchSize?: number;
  readonly onProgress?: (eventsRead: number) => void;
}

export interface VerifyLogReport {
  readonly ok: boolean;
  readonly events: number;
  readonly heads: number;
  /** The largest signed tree. */
  readonly signedTreeSize: number;
  readonly latestHead: SignedTreeHead | null;
  /** The first event altered, removed, inserted, reordered or back-dated, if any. */
  readonly firstEvent: LogProblem | null;
  readonly problems: readonly LogProblem[];
}

const MAX_PROBLEMS_LISTED = 100;

/**
 * Re-hashes every event of the log from the store, in /feed order, and checks each signed head against the tree of
 * that many leaves: its signature (with the given keys), its root, and its recordedThrough (no event beyond the head
 * recorded at or before it, which is how a back-dated insertion shows). Heads whose roots are all recomputed from one
 * sequence of leaves are consistent with one another by construction. Costs one pass over the log and O(log n) per head.
 */
export async function verifyLog(store: EventStore, pool: pg.Pool, options: VerifyLogOptions): Promise<VerifyLogReport> {
  const heads = await allHeads(pool);
  const problems: LogProblem[] = checkHeads(heads, options.publicKeys);
  const pass = await hashLog(store, pool, heads, options, false);
  problems.push(...pass.problems);
  // The stored leaves only serve to name the event; read them in a second pass, and only when something is wrong.
  const difference =
    problems.length > 0 || pass.events < (heads.at(-1)?.treeSize ?? 0) ? (await hashLog(store, pool, heads, options, true)).firstDifference : null;
  const firstEvent = await nameFirstEvent(pool, problems, difference, heads);
  if (firstEvent && !problems.includes(firstEvent)) problems.unshift(firstEvent);
  const latestHead = heads.at(-1) ?? null;
  const listed = problems.slice(0, MAX_PROBLEMS_LISTED);
  return {
    ok: listed.length === 0,
    events: pass.events,
    heads: heads.length,
    signedTreeSize: latestHead?.treeSize ?? 0,
    latestHead,
    firstEvent,
    problems: listed,
  };
}

interface LogPass {
  readonly events: number;
  readonly problems: LogProblem[];
  readonly firstDifference: LeafDifference | null;
}

/** One pass over the log in /feed order: roots at every head's size, the recordedThrough rule, and optionally the stored leaves. */
async function hashLog(
  store: EventStore,
  pool: pg.Pool,
  heads: readonly SignedTreeHead[],
  options: VerifyLogOptions,
  compareStored: boolean,
): Promise<LogPass> {
  const problems: LogProblem[] = [];
  const range = new CompactRange();
  const batchSize = options.batchSize ?? 5_000;
  let nextHead = 0;
  let coveredThrough = -Infinity;
  let coveringHead: SignedTreeHead | null = null;
  let firstDifference: LeafDifference | null = null;
  const add = (problem: LogProblem) => problems.length < MAX_PROBLEMS_LISTED && problems.push(problem);

  let next = store.readAll(null, batchSize);
  for (;;) {
    const page = await next;
    // The next page is read while this one is hashed.
    if (page.hasMore) next = store.readAll(page.cursor, batchSize);
    const stored = compareStored
      ? new Map((await readLeaves(pool, range.size, range.size + page.events.length)).map((leaf) => [leaf.leafIndex, leaf]))
      : new Map<number, StoredLeaf>();
    for (const event of page.events) {
      const index = range.size;
      const hash = eventLeafHash(event);
      // Heads wholly before this leaf say when it must have been recorded after.
      while (nextHead < heads.length && heads[nextHead].treeSize <= index) {
        coveringHead = heads[nextHead++];
        coveredThrough = Math.max(coveredThrough, Date.parse(coveringHead.recordedThrough));
      }
      if (Date.parse(event.recordedAt) <= coveredThrough) add(backdated(event, index, coveringHead!));
      const signed = stored.get(index);
      if (!firstDifference && signed && (signed.eventId !== event.eventId || !signed.hash.equals(hash))) {
        firstDifference = { leafIndex: index, now: { eventId: event.eventId, hash }, stored: { eventId: signed.eventId, hash: signed.hash } };
      }
      range.append(hash);
      if (nextHead < heads.length && heads[nextHead].treeSize === range.size) checkRoot(heads[nextHead], range, add);
    }
    if (!compareStored) options.onProgress?.(range.size);
    if (page.events.length === 0 || !page.hasMore) break;
  }

  // Signed leaves the log no longer has.
  for (const head of heads.filter((h) => h.treeSize > range.size)) {
    add({
      kind: 'root',
      eventId: null,
      leafIndex: null,
      treeSize: head.treeSize,
      message: `head of ${head.treeSize} signs more events than the ${range.size} the log holds`,
    });
  }
  if (compareStored && !firstDifference) {
    const [missing] = await readLeaves(pool, range.size, range.size + 1);
    if (missing) firstDifference = { leafIndex: range.size, now: null, stored: { eventId: missing.eventId, hash: missing.hash } };
  }
  return { events: range.size, problems, firstDifference };
}

function checkRoot(head: SignedTreeHead, range: CompactRange, add: (problem: LogProblem) => void): void {
  if (range.root().toString('base64') === head.rootHash) return;
  add({
    kind: 'root',
    eventId: null,
    leafIndex: null,
    treeSize: head.treeSize,
    message: `the first ${head.treeSize} events of the log no longer hash to the root signed for that size`,
  });
}

function backdated(event: RecordedEvent, leafIndex: number, head: SignedTreeHead): LogProblem {
  return {
    kind: 'backdated',
    eventId: event.eventId,
    leafIndex,
    treeSize: head.treeSize,
    message: `event ${event.eventId} (leaf ${leafIndex}) is recorded at ${event.recordedAt}, but the head of ${head.treeSize} signed that every event recorded by ${head.recordedThrough} was among its leaves: a back-dated insertion`,
  };
}

/** The event-level problem to name first: the first leaf that differs from what was signed, else the first back-dated. */
async function nameFirstEvent(
  pool: pg.Pool,
  problems: readonly LogProblem[],
  difference: LeafDifference | null,
  heads: readonly SignedTreeHead[],
): Promise<LogProblem | null> {
  if (difference) {
    const head = heads.find((h) => h.treeSize > difference.leafIndex) ?? null;
    return diagnoseLeaf(pool, difference, head?.treeSize ?? null);
  }
  const eventProblem = problems.find((problem) => EVENT_PROBLEMS.has(problem.kind));
  if (eventProblem) return eventProblem;
  const failedRoot = problems.find((problem) => problem.kind === 'root');
  if (!failedRoot) return null;
  // The stored leaves were rewritten to match: the change lies among the leaves the failing head added.
  const before = heads.filter((h) => h.treeSize < failedRoot.treeSize!).at(-1)?.treeSize ?? 0;
  return { ...failedRoot, message: `${failedRoot.message}; the change lies among leaves ${before} to ${failedRoot.treeSize! - 1}` };
}

async function allHeads(pool: pg.Pool): Promise<SignedTreeHead[]> {
  const heads: SignedTreeHead[] = [];
  for (;;) {
    const page = await treeHeadsAfter(pool, heads.at(-1)?.treeSize ?? 0, 10_000);
    heads.push(...page);
    if (page.length < 10_000) return heads;
  }
}
