import { seedDemo } from '#demo-history';
import type { Runtime } from '#runtime';
import { say } from '../progress.js';
import { today } from '../seeded-random.js';

export interface DatasetOptions {
  readonly practices: number;
  readonly seed: number;
  readonly fromYear: number;
}

export interface Dataset {
  readonly practices: number;
  readonly events: number;
  /** True when this run generated it (false: found in a reused database). */
  readonly seeded: boolean;
  readonly seedMs: number | null;
}

/**
 * The national history the other parts run on: seed-demo's generator (2004 to today) on generated practices, written
 * through the event store. A reused database that already holds events is taken as it is.
 */
export async function ensureNationalDataset(runtime: Runtime, options: DatasetOptions): Promise<Dataset> {
  const existing = await datasetSize(runtime);
  if (existing.events > 0) {
    say(`dataset: reusing ${existing.practices} practices, ${existing.events} events already in the database`);
    return { ...existing, seeded: false, seedMs: null };
  }
  say(`dataset: generating ${options.practices} practices with seed-demo (seed ${options.seed}, ${options.fromYear} to today)`);
  let lastReport = 0;
  const report = await seedDemo(runtime.eventStore, {
    seed: options.seed,
    practices: options.practices,
    fromYear: options.fromYear,
    toDate: today(),
    onProgress: (progress) => {
      if (progress.phase !== 'generating' || progress.eventsAppended - lastReport < 200_000) return;
      lastReport = progress.eventsAppended;
      say(`dataset: ${progress.practicesDone}/${progress.practicesTotal} practices, ${progress.eventsAppended} events appended`);
    },
  });
  if (report.refusals.length > 0) say(`dataset: the decider refused ${report.refusals.length} generated commands (first: ${report.refusals[0]})`);
  const size = await datasetSize(runtime);
  say(`dataset: ${size.practices} practices, ${size.events} events in ${(report.durationMs / 1000).toFixed(1)} s`);
  return { ...size, seeded: true, seedMs: report.durationMs };
}

export async function datasetSize(runtime: Runtime): Promise<{ practices: number; events: number }> {
  const { rows } = await runtime.database.pool.query<{ practices: number; events: number }>(
    `SELECT (SELECT count(*) FROM event_store.streams WHERE stream_id LIKE 'practice-%')::integer AS practices,
            (SELECT count(*) FROM event_store.events)::integer AS events`,
  );
  return rows[0];
}
