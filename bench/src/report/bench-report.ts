/**
 * The shape of bench/results/*.json: exactly the figures of the performance issue's table (null when the part did not
 * run or could not be measured), the machine and run, and the embedded database's figures.
 */
export interface BenchReport {
  dataset: { practices: number | null; events: number | null };
  append: { eventsPerSec: number | null; rawInsertEventsPerSec: number | null; ratio: number | null };
  commands: {
    perSec: number | null;
    p50Ms: number | null;
    p99Ms: number | null;
    /** The event store's one-event appends at the same concurrency, in the same run. */
    storeAppendPerSec: number | null;
    vsStoreAppend: number | null;
  };
  rebuild: { eventsPerSec: number | null };
  /** The API's projector catching up with the whole log after a bulk seed, against the rebuild of the same run. */
  server: { catchUpEventsPerSec: number | null; catchUpVsRebuild: number | null };
  /** The notary catching up over the national log from zero, verify-log over it, and both against the rebuild. */
  proof: { notaryEventsPerSec: number | null; verifyEventsPerSec: number | null; notaryVsRebuild: number | null; verifyVsRebuild: number | null };
  lag: { p50Ms: number | null; p99Ms: number | null };
  asOf: {
    summaryP50Ms: number | null;
    summaryP99Ms: number | null;
    practiceP50Ms: number | null;
    bitemporalSummaryP50Ms: number | null;
    naiveFoldSummaryMs: number | null;
    speedupVsNaive: number | null;
    trendP50Ms: number | null;
    trendVsSummary: number | null;
  };
  memory: { apiPeakRssMb: number | null };
  peer: { name: string | null; appendEventsPerSec: number | null; appendRatio: number | null };
  machine: { cores: number; memoryGb: number; postgresVersion: string | null; nodeVersion: string };
  run: { date: string; gitCommit: string | null };
  embedded: EmbeddedReport;
}

/** The embedded database (PGlite) at a smaller scale: the parts that make sense for one in-process session. */
export interface EmbeddedReport {
  postgresVersion: string | null;
  dataset: { practices: number | null; events: number | null };
  append: { eventsPerSec: number | null; rawInsertEventsPerSec: number | null; ratio: number | null };
  rebuild: { eventsPerSec: number | null };
  /** Embedded rebuild events/s over the server's, the same run. */
  rebuildVsServer: number | null;
  catchUpEventsPerSec: number | null;
  catchUpVsRebuild: number | null;
  asOf: {
    summaryP50Ms: number | null;
    summaryP99Ms: number | null;
    practiceP50Ms: number | null;
    bitemporalSummaryP50Ms: number | null;
    naiveFoldSummaryMs: number | null;
    speedupVsNaive: number | null;
    trendP50Ms: number | null;
    trendVsSummary: number | null;
  };
  memory: { apiPeakRssMb: number | null };
}

export type AsOfFigures = BenchReport['asOf'];
export type AppendFigures = BenchReport['append'];

export const emptyAsOf = (): AsOfFigures => ({
  summaryP50Ms: null,
  summaryP99Ms: null,
  practiceP50Ms: null,
  bitemporalSummaryP50Ms: null,
  naiveFoldSummaryMs: null,
  speedupVsNaive: null,
  trendP50Ms: null,
  trendVsSummary: null,
});

export const emptyAppend = (): AppendFigures => ({ eventsPerSec: null, rawInsertEventsPerSec: null, ratio: null });

export function emptyReport(machine: BenchReport['machine'], run: BenchReport['run']): BenchReport {
  return {
    dataset: { practices: null, events: null },
    append: emptyAppend(),
    commands: { perSec: null, p50Ms: null, p99Ms: null, storeAppendPerSec: null, vsStoreAppend: null },
    rebuild: { eventsPerSec: null },
    server: { catchUpEventsPerSec: null, catchUpVsRebuild: null },
    proof: { notaryEventsPerSec: null, verifyEventsPerSec: null, notaryVsRebuild: null, verifyVsRebuild: null },
    lag: { p50Ms: null, p99Ms: null },
    asOf: emptyAsOf(),
    memory: { apiPeakRssMb: null },
    peer: { name: null, appendEventsPerSec: null, appendRatio: null },
    machine,
    run,
    embedded: {
      postgresVersion: null,
      dataset: { practices: null, events: null },
      append: emptyAppend(),
      rebuild: { eventsPerSec: null },
      rebuildVsServer: null,
      catchUpEventsPerSec: null,
      catchUpVsRebuild: null,
      asOf: emptyAsOf(),
      memory: { apiPeakRssMb: null },
    },
  };
}
