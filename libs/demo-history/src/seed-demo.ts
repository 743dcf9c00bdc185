import type { EventStore, StreamAppend } from '#event-store';
import { BatchWriter } from './batch-writer.js';
import { generateDemoHistory, chunkByArea } from './demo-generator.js';
import { generatePracticeOutlines } from './generated-practices.js';
import type { PracticeOutline } from './practice-outline.js';
import { readRecordedPractices, SEEDED_BY } from './recorded-practices.js';

export interface SeedDemoOptions {
  readonly seed: number;
  /** How many practices: generated ones when none are recorded, else the first N recorded ones (by area). */
  readonly practices?: number;
  readonly fromYear: number;
  readonly toDate: string;
  readonly chunkPractices?: number;
  readonly maxEventsPerAppend?: number;
  /** Who the events say recorded them (default "seed-demo"). */
  readonly recordedBy?: string;
  readonly onProgress?: (progress: SeedDemoProgress) => void;
}

export interface SeedDemoProgress {
  readonly phase: 'reading' | 'generating';
  readonly practicesDone: number;
  readonly practicesTotal: number;
  readonly eventsAppended: number;
}

export interface SeedDemoReport {
  readonly seed: number;
  readonly fromYear: number;
  readonly toDate: string;
  /** 'recorded': on top of the practices already in the register; 'generated': practices made up by the seed. */
  readonly basis: 'recorded' | 'generated';
  readonly practices: { readonly simulated: number; readonly alreadySeeded: number };
  readonly eventsAppended: number;
  readonly lateCorrections: number;
  readonly appends: number;
  readonly eventsByType: Readonly<Record<string, number>>;
  /** Commands the decider refused (none expected: each is a generator bug, and nothing was appended for it). */
  readonly refusals: readonly string[];
  readonly durationMs: number;
  /** Events appended per second of the whole run. */
  readonly eventsPerSec: number;
}

export const DEFAULT_GENERATED_PRACTICES = 8700;
const DEFAULT_EVENTS_PER_APPEND = 20_000;

/** Generates the demo history into the store, on top of the recorded practices or on generated ones. */
export async function seedDemo(store: EventStore, options: SeedDemoOptions): Promise<SeedDemoReport> {
  const started = performance.now();
  const report = (phase: SeedDemoProgress['phase'], practicesDone: number, practicesTotal: number, eventsAppended: number) =>
    options.onProgress?.({ phase, practicesDone, practicesTotal, eventsAppended });

  const recorded = await readRecordedPractices(store, (events) => report('reading', 0, 0, events));
  const fresh = recorded.outlines.filter((o) => !recorded.alreadySeeded.has(o.odsCode));
  const basis = recorded.outlines.length > 0 ? 'recorded' : 'generated';
  const historyStart = `${options.fromYear}-04-01`;
  const outlines: PracticeOutline[] =
    basis === 'generated'
      ? generatePracticeOutlines(options.seed, options.practices ?? DEFAULT_GENERATED_PRACTICES, historyStart)
      : firstByArea(fresh, options.practices);

  const eventsByType: Record<string, number> = {};
  const refusals: string[] = [];
  const late: StreamAppend[] = [];
  let practicesDone = 0;
  const writer = new BatchWriter(store, options.maxEventsPerAppend ?? DEFAULT_EVENTS_PER_APPEND, (appended) =>
    report('generating', practicesDone, outlines.length, appended),
  );
  const count = (appends: readonly StreamAppend[]) => {
    for (const append of appends) for (const event of append.events) eventsByType[event.type] = (eventsByType[event.type] ?? 0) + 1;
  };

  report('generating', 0, outlines.length, 0);
  const generation = generateDemoHistory(
    outlines,
    {
      seed: options.seed,
      fromYear: options.fromYear,
      toDate: options.toDate,
      recordedHorizon: recorded.horizon,
      recordedBy: options.recordedBy ?? SEEDED_BY,
      chunkPractices: options.chunkPractices,
    },
    (ids) => store.readStreams(ids),
  );
  for await (const chunk of generation) {
    for (const group of chunk.groups) count(group);
    count(chunk.late);
    late.push(...chunk.late);
    refusals.push(...chunk.refusals);
    practicesDone += chunk.practices;
    await writer.write(chunk.groups);
    report('generating', practicesDone, outlines.length, writer.eventsAppended);
  }
  await writer.finish();
  // Corrections go in last, so that they are recorded after what they correct.
  const lateCorrections = late.reduce((sum, append) => sum + append.events.length, 0);
  await writer.write([late]);
  await writer.finish();
  report('generating', outlines.length, outlines.length, writer.eventsAppended);

  const durationMs = performance.now() - started;
  return {
    seed: options.seed,
    fromYear: options.fromYear,
    toDate: options.toDate,
    basis,
    practices: { simulated: outlines.length, alreadySeeded: recorded.alreadySeeded.size },
    eventsAppended: writer.eventsAppended,
    lateCorrections,
    appends: writer.appends,
    eventsByType,
    refusals,
    durationMs,
    eventsPerSec: Math.round(writer.eventsAppended / Math.max(durationMs / 1000, 0.001)),
  };
}

function firstByArea(outlines: readonly PracticeOutline[], limit: number | undefined): PracticeOutline[] {
  if (limit === undefined || limit >= outlines.length) return [...outlines];
  return chunkByArea(outlines, Number.MAX_SAFE_INTEGER).flat().slice(0, limit);
}
