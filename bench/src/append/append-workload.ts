import { generateDemoHistory, generatePracticeOutlines } from '#demo-history';
import type { StreamAppend } from '#event-store';
import { today } from '../seeded-random.js';

/** One batched append: whole practice streams (a merger's two streams always together), about `eventsPerBatch` events. */
export type AppendBatch = readonly StreamAppend[];

export interface AppendWorkload {
  readonly batches: readonly AppendBatch[];
  readonly events: number;
}

export interface WorkloadOptions {
  /** Practices to generate (each brings its whole 2004-to-today history, about 170 events). */
  readonly practices: number;
  readonly eventsPerBatch: number;
  readonly seed: number;
}

/**
 * Real rows for the append comparison: the demo generator's practice histories (seeded apart from the national
 * dataset's), cut into batches. Every contender appends exactly these rows, so row sizes and shapes are the same.
 */
export async function appendWorkload(options: WorkloadOptions): Promise<AppendWorkload> {
  const outlines = generatePracticeOutlines(options.seed, options.practices, '2004-04-01');
  const batches: StreamAppend[][] = [];
  let current: StreamAppend[] = [];
  let currentEvents = 0;
  let events = 0;
  for await (const chunk of generateDemoHistory(outlines, { seed: options.seed, fromYear: 2004, toDate: today() })) {
    for (const group of chunk.groups) {
      current.push(...group);
      const size = group.reduce((sum, append) => sum + append.events.length, 0);
      currentEvents += size;
      events += size;
      if (currentEvents >= options.eventsPerBatch) {
        batches.push(current);
        current = [];
        currentEvents = 0;
      }
    }
  }
  if (current.length > 0) batches.push(current);
  return { batches, events };
}

export const batchEvents = (batch: AppendBatch): number => batch.reduce((sum, append) => sum + append.events.length, 0);
