import type { PostgresEventStore } from '#event-store';
import type pg from 'pg';
import { say } from '../progress.js';
import { perSecond } from '../stats.js';
import { batchEvents, type AppendBatch, type AppendWorkload } from './append-workload.js';
import { CREATE_BARE_TABLE_SQL, rawInsert, rawUnnestInsert } from './raw-insert.js';

/** Something that appends a batch; each contender writes every batch of the workload once. */
export interface AppendContender {
  readonly name: string;
  prepare?(): Promise<void>;
  append(batch: AppendBatch): Promise<void>;
}

export interface ContenderResult {
  readonly name: string;
  readonly events: number;
  readonly ms: number;
  readonly eventsPerSec: number | null;
}

export const storeContender = (store: PostgresEventStore): AppendContender => ({
  name: 'event store',
  append: async (batch) => {
    await store.append(batch);
  },
});

/** The same streams appended one stream per append, concurrently: the shape Emmett is limited to. */
export const storePerStreamContender = (store: PostgresEventStore): AppendContender => ({
  name: 'event store, one append per stream',
  append: async (batch) => {
    await Promise.all(batch.map((append) => store.append([append])));
  },
});

/**
 * The same streams written the way commands write: one event per append, each stream's events one after another and
 * the batch's streams concurrently, so many small appends commit side by side.
 */
export const storeEventByEventContender = (store: PostgresEventStore): AppendContender => ({
  name: 'event store, one event per append, streams concurrently',
  append: async (batch) => {
    await Promise.all(
      batch.map(async ({ streamId, expectedVersion, events }) => {
        for (const [index, event] of events.entries()) await store.append([{ streamId, expectedVersion: expectedVersion + index, events: [event] }]);
      }),
    );
  },
});

export const rawInsertContender = (pool: pg.Pool): AppendContender => ({
  name: 'raw multi-row INSERT',
  prepare: async () => {
    await pool.query(CREATE_BARE_TABLE_SQL);
  },
  append: (batch) => rawInsert(pool, batch),
});

export const rawUnnestContender = (pool: pg.Pool): AppendContender => ({
  name: 'raw INSERT from unnest(arrays)',
  prepare: async () => {
    await pool.query(CREATE_BARE_TABLE_SQL);
  },
  append: (batch) => rawUnnestInsert(pool, batch),
});

export interface AppendBenchOptions {
  /** Leading batches every contender writes untimed (JIT, caches, Emmett's prepared plans). */
  readonly warmUpBatches: number;
  readonly deadline: number;
}

/**
 * Appends the same batches through every contender, interleaved batch by batch with the order rotating, so that each
 * sees the same machine load and similar table sizes. A contender that writes per-stream needs distinct stream ids, so
 * each gets its own copy of the ids (suffixed), never sharing a stream with another contender.
 */
export async function runAppendBench(
  contenders: readonly AppendContender[],
  workload: AppendWorkload,
  options: AppendBenchOptions,
): Promise<ContenderResult[]> {
  for (const contender of contenders) await contender.prepare?.();
  const totals = contenders.map(() => ({ events: 0, ms: 0 }));
  const copies = contenders.map((_, index) => workload.batches.map((batch) => renamed(batch, index)));
  let done = 0;
  for (let b = 0; b < workload.batches.length && Date.now() < options.deadline; b++) {
    const timedBatch = b >= options.warmUpBatches;
    for (let k = 0; k < contenders.length; k++) {
      const index = (b + k) % contenders.length;
      const batch = copies[index][b];
      const started = performance.now();
      await contenders[index].append(batch);
      if (timedBatch) {
        totals[index].ms += performance.now() - started;
        totals[index].events += batchEvents(batch);
      }
    }
    done++;
  }
  if (done < workload.batches.length) say(`append: deadline reached after ${done} of ${workload.batches.length} batches`);
  return contenders.map((contender, index) => ({
    name: contender.name,
    events: totals[index].events,
    ms: totals[index].ms,
    eventsPerSec: perSecond(totals[index].events, totals[index].ms),
  }));
}

function renamed(batch: AppendBatch, contender: number): AppendBatch {
  return batch.map((append) => ({
    ...append,
    streamId: `${append.streamId}-c${contender}`,
    events: append.events.map((event) => ({ ...event, eventId: withContender(event.eventId, contender) })),
  }));
}

/** A distinct uuid per contender for the same event (the last hex digits carry the contender's number). */
function withContender(eventId: string, contender: number): string {
  return `${eventId.slice(0, -2)}${contender.toString(16).padStart(2, '0')}`;
}
