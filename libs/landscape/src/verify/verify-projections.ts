import type pg from 'pg';
import type { EventStore } from '#event-store';
import { stateAt, type PracticeSnapshot } from '#practices';
import { practiceChange } from '../application/get-landscape-diff/practice-changes.js';
import { PRACTICE_VERSIONS_PROJECTION_VERSION, readCheckpoint } from '../projector/checkpoint-store.js';
import { landscapeAt } from '../read-models/practice-versions/landscape-at.js';
import { canonicalJson } from '../read-models/practice-versions/canonical-json.js';
import { readLogHistories } from '../replay/log-histories.js';
import { PRACTICE_VERSIONS_TABLE, type PracticeVersionsTable } from '../schema/practice-versions.ddl.js';
import { verificationSamples, type Sample } from './verification-samples.js';
import { verifyTrendModel, type TrendModelCheck } from './verify-trend-model.js';

export interface Mismatch extends Sample {
  readonly odsCode: string;
  readonly projected: PracticeSnapshot | null;
  readonly replayed: PracticeSnapshot | null;
  /** The practice-state fields that differ. */
  readonly fields: string[];
}

export interface VerifyOptions {
  readonly dates?: number;
  readonly knownAts?: number;
  readonly table?: PracticeVersionsTable;
  readonly onProgress?: (progress: { phase: 'reading' | 'comparing'; done: number; total: number }) => void;
}

export interface VerifyReport {
  readonly events: number;
  readonly practices: number;
  readonly samples: number;
  readonly comparisons: number;
  /** The projection's horizon: samples never ask beyond it. Null when the projection has not caught up yet. */
  readonly stableHorizon: string | null;
  readonly projectionVersionCurrent: boolean;
  readonly mismatches: Mismatch[];
  /** The national trend's model against a fresh derivation; null while nothing is folded (or a rebuild's table). */
  readonly trendModel: TrendModelCheck | null;
}

/**
 * Compares the projection with an independent replay of the raw log (SPEC §4 fold via the pure decider) for every
 * practice at a sample of (asOf, knownAt) pairs. Events recorded after the projection's horizon are beyond every
 * sampled knownAt, so a projection that is merely behind does not count as wrong.
 */
export async function verifyProjections(store: EventStore, pool: pg.Pool, options: VerifyOptions = {}): Promise<VerifyReport> {
  const table = options.table ?? PRACTICE_VERSIONS_TABLE;
  const checkpoint = await readCheckpoint(pool, table);
  const log = await readLogHistories(store, { onProgress: (done) => options.onProgress?.({ phase: 'reading', done, total: done }) });
  const base = { events: log.events, practices: log.histories.size, stableHorizon: checkpoint.stableHorizon };
  const projectionVersionCurrent = checkpoint.projectionVersion === PRACTICE_VERSIONS_PROJECTION_VERSION;
  if (checkpoint.stableHorizon === null) {
    return { ...base, samples: 0, comparisons: 0, projectionVersionCurrent, mismatches: [], trendModel: null };
  }
  const samples = verificationSamples(log.histories, checkpoint.stableHorizon, { dates: options.dates ?? 10, knownAts: options.knownAts ?? 4 });
  const mismatches: Mismatch[] = [];
  let comparisons = 0;
  for (const [index, sample] of samples.entries()) {
    const projected = await landscapeAt(pool, sample.asOf, sample.knownAt, table);
    const practices = new Set([...log.histories.keys(), ...projected.keys()]);
    for (const odsCode of practices) {
      const history = log.histories.get(odsCode);
      const replayed = history ? stateAt(history, sample.asOf, sample.knownAt) : null;
      const stored = projected.get(odsCode) ?? null;
      comparisons++;
      if (canonicalJson(stored) === canonicalJson(replayed)) continue;
      const change = practiceChange(stored, replayed);
      mismatches.push({ ...sample, odsCode, projected: stored, replayed, fields: change ? Object.keys(change.changes) : [] });
    }
    options.onProgress?.({ phase: 'comparing', done: index + 1, total: samples.length });
  }
  const trendModel = table === PRACTICE_VERSIONS_TABLE ? await verifyTrendModel(pool) : null;
  return { ...base, samples: samples.length, comparisons, projectionVersionCurrent, mismatches, trendModel };
}
