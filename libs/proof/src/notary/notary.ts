import type pg from 'pg';
import type { EventStore, LogCursor, ReadAllResult } from '#event-store';
import { CompactRange, type TreeNode } from '../merkle/index.js';
import { eventLeafHash } from '../log-store/leaf-data.js';
import { readNotaryCheckpoint, type NotaryCheckpoint } from '../log-store/notary-checkpoint.js';
import { writeNotaryStep } from '../log-store/notary-step.sql.js';
import type { StoredLeaf } from '../log-store/tree-rows.js';
import type { SignedTreeHead } from '../log-store/tree-heads.js';
import { STORED_FROM_LEVEL } from '../log-store/tree-shape.js';
import { signTreeHead } from '../signing/tree-head-signature.js';
import type { LogSigningKey } from '../signing/log-signing-key.js';

export interface NotaryOptions {
  /** Events read and hashed per step. */
  readonly batchSize?: number;
  /** At most one head per this interval while events keep coming (SPEC: a head within 10 s of new events). */
  readonly headIntervalMs?: number;
  /** The clock that stamps heads (tests pin it). */
  readonly now?: () => Date;
}

export interface NotaryStep {
  readonly leaves: number;
  readonly treeSize: number;
  readonly signed: SignedTreeHead | null;
  /** More events are readable already. */
  readonly hasMore: boolean;
  /** The tree has grown since its last head, which waits for the head interval (or a known horizon). */
  readonly headPending: boolean;
  /** Another notary moved the checkpoint first: nothing was written. */
  readonly conflict: boolean;
}

/**
 * Follows the log in /feed order and extends the Merkle tree: each step reads a page after the checkpoint's cursor,
 * hashes its events as leaves, and writes the leaves, the completed nodes, the new checkpoint and (when caught up)
 * a signed head in one statement, guarded by compare-and-set. The tree is a function of the log order alone, so a
 * crashed or competing notary can only ever sign the same tree.
 */
export class Notary {
  private readonly batchSize: number;
  private readonly headIntervalMs: number;
  private readonly now: () => Date;
  private lastSignedAt = 0;
  /** The page after the last one read, requested while that one is hashed and written (catching up only). */
  private readAhead: { after: LogCursor | null; page: Promise<ReadAllResult> } | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly pool: pg.Pool,
    private readonly key: LogSigningKey,
    options: NotaryOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 5_000;
    this.headIntervalMs = options.headIntervalMs ?? 1_000;
    this.now = options.now ?? (() => new Date());
  }

  async step(): Promise<NotaryStep> {
    const checkpoint = await readNotaryCheckpoint(this.pool);
    const page = await this.read(checkpoint.cursor);
    if (page.hasMore) this.readAheadFrom(page.cursor);
    const range = new CompactRange(checkpoint.treeSize, checkpoint.frontier);
    const leaves: StoredLeaf[] = [];
    const nodes: TreeNode[] = [];
    for (const event of page.events) {
      const hash = eventLeafHash(event);
      leaves.push({ leafIndex: range.size, eventId: event.eventId, hash });
      range.append(hash, (node) => {
        if (node.level >= STORED_FROM_LEVEL) nodes.push(node);
      });
    }
    const grown = range.size > checkpoint.signedSize;
    // A head's recordedThrough must cover every event recorded by it: only a page that reached the readable end does.
    const mayClaim = !page.hasMore && page.stableHorizon !== null;
    const due = Date.now() - this.lastSignedAt >= this.headIntervalMs;
    const head = grown && mayClaim && due ? this.sign(range, checkpoint, page.stableHorizon!) : null;
    const next: NotaryCheckpoint = {
      treeSize: range.size,
      cursor: page.cursor,
      frontier: range.hashes,
      signedSize: head?.treeSize ?? checkpoint.signedSize,
      signedThrough: head?.recordedThrough ?? checkpoint.signedThrough,
    };
    if (leaves.length === 0 && head === null) {
      return { leaves: 0, treeSize: range.size, signed: null, hasMore: page.hasMore, headPending: grown, conflict: false };
    }
    const committed = await writeNotaryStep(this.pool, checkpoint, next, leaves, nodes, head);
    if (!committed) return { leaves: 0, treeSize: checkpoint.treeSize, signed: null, hasMore: true, headPending: false, conflict: true };
    if (head) this.lastSignedAt = Date.now();
    return { leaves: leaves.length, treeSize: range.size, signed: head, hasMore: page.hasMore, headPending: grown && !head, conflict: false };
  }

  /** A page read ahead is used when the checkpoint is where it expected; it was a valid read of the log from there. */
  private read(after: LogCursor | null): Promise<ReadAllResult> {
    const ahead = this.readAhead;
    this.readAhead = null;
    if (ahead && sameCursor(ahead.after, after)) return ahead.page;
    return this.store.readAll(after, this.batchSize);
  }

  // Reading the next page while this one is hashed and written keeps the database and the hashing busy at once.
  private readAheadFrom(after: LogCursor | null): void {
    const page = this.store.readAll(after, this.batchSize);
    page.catch(() => undefined);
    this.readAhead = { after, page };
  }

  private sign(range: CompactRange, checkpoint: NotaryCheckpoint, horizon: string): SignedTreeHead {
    const previous = checkpoint.signedThrough;
    // The horizon only moves forward in principle; never let a head claim less than the one before it did.
    const recordedThrough = previous !== null && Date.parse(previous) > Date.parse(horizon) ? previous : horizon;
    const now = this.now();
    const timestamp = (now.getTime() < Date.parse(recordedThrough) ? new Date(recordedThrough) : now).toISOString();
    return signTreeHead({ treeSize: range.size, rootHash: range.root().toString('base64'), timestamp, recordedThrough }, this.key);
  }
}

function sameCursor(a: LogCursor | null, b: LogCursor | null): boolean {
  return a === null || b === null ? a === b : a.transactionId === b.transactionId && a.position === b.position;
}
