import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRuntime, type Runtime } from '#runtime';
import { foldTrend } from '#landscape';
import { issueBenchKey } from '../api/bench-keys.js';
import { ApiProcess } from '../api/api-process.js';
import { rawInsertContender, runAppendBench, storeContender } from '../append/append-bench.js';
import { appendWorkload } from '../append/append-workload.js';
import { asOfFigures, runAsOfReads, runNaiveFolds, type AsOfReads } from '../asof/asof-bench.js';
import { BENCH_CONFIG } from '../bench-config.js';
import { ensureNationalDataset } from '../dataset/national-dataset.js';
import { readLogFacts, type LogFacts } from '../dataset/practice-facts.js';
import { postgresVersion } from '../machine-info.js';
import { attempt } from '../national-run.js';
import { say } from '../progress.js';
import { measureRebuild } from '../rebuild/rebuild-bench.js';
import { forgetProjection, measureCatchUp } from '../catch-up/catch-up-bench.js';
import { prepareTree } from '../proof/proof-bench.js';
import type { EmbeddedReport } from '../report/bench-report.js';
import { median, ratio } from '../stats.js';

/**
 * The embedded database (PGlite, one session, in the process that opens it) at a smaller scale: append against a raw
 * INSERT in memory, then a history in a data directory, its rebuild, and the API in a child process on that directory
 * for the asOf reads and its memory. The naive fold runs after the API has let go of the directory.
 */
export async function runEmbeddedPart(practices: number, report: EmbeddedReport, notes: string[]): Promise<void> {
  await attempt('embedded append', notes, () => embeddedAppend(report));
  const dataDir = await mkdtemp(join(tmpdir(), 'gp-register-bench-pglite-'));
  try {
    await attempt('embedded history', notes, () => embeddedHistory(dataDir, practices, report, notes));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function embeddedAppend(report: EmbeddedReport): Promise<void> {
  const config = BENCH_CONFIG.embedded.append;
  const workload = await appendWorkload({ practices: config.practices, eventsPerBatch: config.eventsPerBatch, seed: 90_211 });
  const runtime = await openRuntime({ settings: { url: null, dataDir: 'memory' }, poolSize: config.poolSize, applicationName: 'gp-register-bench' });
  try {
    report.postgresVersion = await postgresVersion(runtime.database.url);
    say(`embedded append: ${workload.events} events in ${workload.batches.length} batches`);
    const results = await runAppendBench([storeContender(runtime.eventStore), rawInsertContender(runtime.database.pool)], workload, {
      warmUpBatches: 2,
      deadline: Date.now() + config.budgetMs,
    });
    const [store, raw] = results.map((r) => r.eventsPerSec);
    report.append = { eventsPerSec: store, rawInsertEventsPerSec: raw, ratio: ratio(store, raw) };
    say(`embedded append: store ${Math.round(store ?? 0)} events/s, raw INSERT ${Math.round(raw ?? 0)} events/s`);
  } finally {
    await runtime.close();
  }
}

async function embeddedHistory(dataDir: string, practices: number, report: EmbeddedReport, notes: string[]): Promise<void> {
  let facts: LogFacts;
  let reader: string;
  const open = () => openRuntime({ settings: { url: null, dataDir }, poolSize: 4, applicationName: 'gp-register-bench' });
  let runtime: Runtime = await open();
  try {
    const dataset = await ensureNationalDataset(runtime, { ...BENCH_CONFIG.dataset, practices });
    report.dataset = { practices: dataset.practices, events: dataset.events };
    // As seed-demo leaves it, and as the server's log is settled before its rebuild (national-run.ts).
    if (dataset.seeded) await runtime.database.pool.query('VACUUM (ANALYZE) event_store.events, event_store.streams');
  } finally {
    await runtime.close();
  }
  // The CLI's child process opens the data directory itself: this process has let go of it.
  const rebuilds: number[] = [];
  for (let run = 1; run <= BENCH_CONFIG.embedded.runs; run++) {
    const { eventsPerSec } = await measureRebuild({ databaseUrl: null, dataDir }, `embedded rebuild ${run}`);
    if (eventsPerSec !== null) rebuilds.push(eventsPerSec);
  }
  report.rebuild.eventsPerSec = median(rebuilds);
  runtime = await open();
  try {
    facts = await readLogFacts(runtime.database.pool);
    reader = await issueBenchKey(runtime.database.pool, 'reader');
    // As on the server: the notary's tree first, so the catch-up measured is the projector's.
    await prepareTree(runtime, process.env.LOG_SIGNING_KEY_FILE ?? join(dataDir, 'log-signing.key'));
  } finally {
    await runtime.close();
  }
  await attempt('embedded catch-up', notes, async () => {
    const catchUps: number[] = [];
    for (let run = 1; run <= BENCH_CONFIG.embedded.runs; run++) {
      runtime = await open();
      await forgetProjection(runtime).finally(() => runtime.close());
      const { eventsPerSec } = await measureCatchUp({ databaseUrl: null, dataDir }, `embedded catch-up ${run}`);
      if (eventsPerSec !== null) catchUps.push(eventsPerSec);
    }
    report.catchUpEventsPerSec = median(catchUps);
    report.catchUpVsRebuild = ratio(report.catchUpEventsPerSec, report.rebuild.eventsPerSec);
  });

  // As a settled deployment has it (the API's folder would derive it in the background while the reads are measured).
  runtime = await open();
  try {
    const folded = await foldTrend(runtime.database.pool);
    if (folded.folded)
      notes.push(`embedded: trend model folded before the API started: ${folded.changes} changes in ${(folded.durationMs / 1000).toFixed(1)} s`);
  } finally {
    await runtime.close();
  }

  const logFile = join(tmpdir(), `gp-register-bench-embedded-api-${process.pid}.log`);
  say(`embedded: starting the API on ${dataDir} (log in ${logFile})`);
  const api = await ApiProcess.start({
    databaseUrl: null,
    dataDir,
    logFile,
    logLevel: BENCH_CONFIG.api.logLevel,
    startTimeoutMs: BENCH_CONFIG.api.startTimeoutMs,
  });
  let reads: AsOfReads;
  try {
    reads = await runAsOfReads({ baseUrl: api.baseUrl, authorization: reader }, facts, BENCH_CONFIG.embedded.asOf);
    report.memory.apiPeakRssMb = await api.peakRssMb();
  } finally {
    await api.stop();
  }

  runtime = await open();
  try {
    const embeddedNotes: string[] = [];
    const naiveMs = await runNaiveFolds(runtime.eventStore, reads.naiveQuestions, embeddedNotes);
    notes.push(...embeddedNotes.map((note) => `embedded: ${note}`));
    report.asOf = asOfFigures(reads, naiveMs);
  } finally {
    await runtime.close();
  }
}
