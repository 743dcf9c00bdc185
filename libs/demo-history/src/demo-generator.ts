import type { StreamRead } from '#event-store';
import { practiceStreamId } from '#practices';
import { HISTORY_START_MONTH_DAY } from './calibration.js';
import { addDays } from './calendar.js';
import { generateChunk, type GeneratedChunk } from './chunk-generator.js';
import { planNation, type GenerationSettings, type NationalPlan } from './national-plan.js';
import { PcnCodes } from './pcn-allocation.js';
import { areaOf, type PracticeOutline } from './practice-outline.js';

export interface DemoGenerationOptions {
  readonly seed: number;
  readonly fromYear: number;
  /** Last generated date, YYYY-MM-DD (inclusive). */
  readonly toDate: string;
  readonly recordedHorizon?: string | null;
  readonly recordedBy?: string;
  /** Practices simulated together (whole commissioner areas): bounds memory. */
  readonly chunkPractices?: number;
  /** Keep each chunk's in-memory histories on the result (tests). */
  readonly keepTimelines?: boolean;
}

export type StreamReader = (streamIds: readonly string[]) => Promise<ReadonlyMap<string, StreamRead>>;

const DEFAULT_CHUNK_PRACTICES = 300;

export function generationSettings(options: DemoGenerationOptions): GenerationSettings {
  return {
    seed: options.seed,
    historyStart: `${options.fromYear}-${HISTORY_START_MONTH_DAY}`,
    toDate: options.toDate,
    endOfHistory: addDays(options.toDate, 1),
    recordedHorizon: options.recordedHorizon ?? null,
    recordedBy: options.recordedBy ?? 'seed-demo',
  };
}

/** Whole commissioner areas, in area order, about `size` practices per chunk. */
export function chunkByArea(outlines: readonly PracticeOutline[], size: number): PracticeOutline[][] {
  const byArea = new Map<string, PracticeOutline[]>();
  for (const outline of outlines) byArea.set(areaOf(outline), [...(byArea.get(areaOf(outline)) ?? []), outline]);
  const chunks: PracticeOutline[][] = [];
  let current: PracticeOutline[] = [];
  for (const area of [...byArea.keys()].sort()) {
    current.push(...byArea.get(area)!.sort((a, b) => a.odsCode.localeCompare(b.odsCode)));
    if (current.length >= size) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The demo history, chunk by chunk. Deterministic: the same outlines, recorded streams and options give the same
 * events (ids included). Recorded streams are read per chunk, so memory stays bounded at any scale.
 */
export async function* generateDemoHistory(
  outlines: readonly PracticeOutline[],
  options: DemoGenerationOptions,
  readStreams: StreamReader = async () => new Map(),
): AsyncGenerator<GeneratedChunk & { readonly plan: NationalPlan }> {
  const plan = planNation(generationSettings(options), outlines);
  const pcnCodes = new PcnCodes();
  for (const chunk of chunkByArea(outlines, options.chunkPractices ?? DEFAULT_CHUNK_PRACTICES)) {
    const recordedIds = chunk.filter((o) => o.recorded).map((o) => practiceStreamId(o.odsCode));
    const recorded = recordedIds.length > 0 ? await readStreams(recordedIds) : new Map<string, StreamRead>();
    yield { ...generateChunk(chunk, recorded, plan, pcnCodes, options.keepTimelines ?? false), plan };
  }
}
