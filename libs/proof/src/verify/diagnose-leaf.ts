import type pg from 'pg';
import type { LogProblem } from './log-problem.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

/** The first leaf where the log, re-hashed now, differs from the leaf the notary hashed and stored when it signed. */
export interface LeafDifference {
  readonly leafIndex: number;
  readonly now: { eventId: string; hash: Buffer } | null;
  readonly stored: { eventId: string; hash: Buffer } | null;
}

/**
 * Names what happened at the first differing leaf: the same event with other bytes was altered; a signed event gone
 * from the log was removed; an event the notary never hashed there was inserted; events it hashed elsewhere were
 * reordered. The stored leaves only help to name the event: whether the log passes is decided by the signed roots.
 */
export async function diagnoseLeaf(db: Queryable, difference: LeafDifference, treeSize: number | null): Promise<LogProblem> {
  const { leafIndex, now, stored } = difference;
  const at = { leafIndex, treeSize };
  if (now && stored && now.eventId === stored.eventId) {
    return { kind: 'altered', eventId: now.eventId, ...at, message: `event ${now.eventId} (leaf ${leafIndex}) was altered after it was signed` };
  }
  if (stored && !(await eventExists(db, stored.eventId))) {
    return { kind: 'removed', eventId: stored.eventId, ...at, message: `event ${stored.eventId} (leaf ${leafIndex}) was removed from the log` };
  }
  if (now) {
    const signedAt = await storedLeafIndex(db, now.eventId);
    if (signedAt === null) {
      return {
        kind: 'inserted',
        eventId: now.eventId,
        ...at,
        message: `event ${now.eventId} was inserted at leaf ${leafIndex}, where the signed log has another`,
      };
    }
    return {
      kind: 'reordered',
      eventId: now.eventId,
      ...at,
      message: `event ${now.eventId} now comes at leaf ${leafIndex} but was signed at leaf ${signedAt}: the log was reordered`,
    };
  }
  return {
    kind: 'removed',
    eventId: stored!.eventId,
    ...at,
    message: `event ${stored!.eventId} (leaf ${leafIndex}) is no longer readable in the log`,
  };
}

async function eventExists(db: Queryable, eventId: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM event_store.events WHERE event_id = $1`, [eventId]);
  return rows.length > 0;
}

async function storedLeafIndex(db: Queryable, eventId: string): Promise<number | null> {
  const { rows } = await db.query<{ leaf_index: string }>(`SELECT leaf_index::text FROM proof.leaves WHERE event_id = $1`, [eventId]);
  return rows[0] ? Number(rows[0].leaf_index) : null;
}
