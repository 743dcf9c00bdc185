import type { BenchReport } from './bench-report.js';

/** One line of the table: where the figure is in the report, its goal, and how to print it. */
export interface Goal {
  readonly key: string;
  readonly goal: string;
  readonly unit: string;
  readonly value: (report: BenchReport) => number | string | null;
  readonly met?: (value: number) => boolean;
}

export const GOALS: readonly Goal[] = [
  { key: 'dataset.practices', goal: '≥ 7,000', unit: '', value: (r) => r.dataset.practices, met: (v) => v >= 7_000 },
  { key: 'dataset.events', goal: '≥ 1,000,000', unit: '', value: (r) => r.dataset.events, met: (v) => v >= 1_000_000 },
  { key: 'append.eventsPerSec', goal: '', unit: 'events/s', value: (r) => r.append.eventsPerSec },
  { key: 'append.rawInsertEventsPerSec', goal: '', unit: 'events/s', value: (r) => r.append.rawInsertEventsPerSec },
  { key: 'append.ratio', goal: '≥ 0.7', unit: '×', value: (r) => r.append.ratio, met: (v) => v >= 0.7 },
  { key: 'commands.perSec', goal: '≥ 1,500', unit: '/s', value: (r) => r.commands.perSec, met: (v) => v >= 1_500 },
  { key: 'commands.p50Ms', goal: '', unit: 'ms', value: (r) => r.commands.p50Ms },
  { key: 'commands.storeAppendPerSec', goal: '', unit: '/s', value: (r) => r.commands.storeAppendPerSec },
  { key: 'commands.vsStoreAppend', goal: '≥ 0.3', unit: '×', value: (r) => r.commands.vsStoreAppend, met: (v) => v >= 0.3 },
  { key: 'commands.p99Ms', goal: '≤ 50', unit: 'ms', value: (r) => r.commands.p99Ms, met: (v) => v <= 50 },
  { key: 'rebuild.eventsPerSec', goal: '≥ 25,000', unit: 'events/s', value: (r) => r.rebuild.eventsPerSec, met: (v) => v >= 25_000 },
  { key: 'server.catchUpEventsPerSec', goal: '', unit: 'events/s', value: (r) => r.server.catchUpEventsPerSec },
  { key: 'server.catchUpVsRebuild', goal: '≥ 0.9', unit: '×', value: (r) => r.server.catchUpVsRebuild, met: (v) => v >= 0.9 },
  { key: 'proof.notaryEventsPerSec', goal: '', unit: 'events/s', value: (r) => r.proof.notaryEventsPerSec },
  { key: 'proof.verifyEventsPerSec', goal: '', unit: 'events/s', value: (r) => r.proof.verifyEventsPerSec },
  { key: 'proof.notaryVsRebuild', goal: '≥ 1', unit: '×', value: (r) => r.proof.notaryVsRebuild, met: (v) => v >= 1 },
  { key: 'proof.verifyVsRebuild', goal: '≥ 1', unit: '×', value: (r) => r.proof.verifyVsRebuild, met: (v) => v >= 1 },
  { key: 'lag.p50Ms', goal: '', unit: 'ms', value: (r) => r.lag.p50Ms },
  { key: 'lag.p99Ms', goal: '≤ 100', unit: 'ms', value: (r) => r.lag.p99Ms, met: (v) => v <= 100 },
  { key: 'asOf.summaryP50Ms', goal: '≤ 25', unit: 'ms', value: (r) => r.asOf.summaryP50Ms, met: (v) => v <= 25 },
  { key: 'asOf.summaryP99Ms', goal: '', unit: 'ms', value: (r) => r.asOf.summaryP99Ms },
  { key: 'asOf.practiceP50Ms', goal: '≤ 2', unit: 'ms', value: (r) => r.asOf.practiceP50Ms, met: (v) => v <= 2 },
  { key: 'asOf.bitemporalSummaryP50Ms', goal: '≤ 100', unit: 'ms', value: (r) => r.asOf.bitemporalSummaryP50Ms, met: (v) => v <= 100 },
  { key: 'asOf.naiveFoldSummaryMs', goal: '', unit: 'ms', value: (r) => r.asOf.naiveFoldSummaryMs },
  { key: 'asOf.speedupVsNaive', goal: '≥ 100', unit: '×', value: (r) => r.asOf.speedupVsNaive, met: (v) => v >= 100 },
  { key: 'asOf.trendP50Ms', goal: '', unit: 'ms', value: (r) => r.asOf.trendP50Ms },
  { key: 'asOf.trendVsSummary', goal: '≤ 10', unit: '×', value: (r) => r.asOf.trendVsSummary, met: (v) => v <= 10 },
  { key: 'memory.apiPeakRssMb', goal: '≤ 400', unit: 'MB', value: (r) => r.memory.apiPeakRssMb, met: (v) => v <= 400 },
  { key: 'embedded.rebuild.eventsPerSec', goal: '', unit: 'events/s', value: (r) => r.embedded.rebuild.eventsPerSec },
  { key: 'embedded.rebuildVsServer', goal: '≥ 0.5', unit: '×', value: (r) => r.embedded.rebuildVsServer, met: (v) => v >= 0.5 },
  { key: 'embedded.catchUpEventsPerSec', goal: '', unit: 'events/s', value: (r) => r.embedded.catchUpEventsPerSec },
  { key: 'embedded.catchUpVsRebuild', goal: '≥ 0.9', unit: '×', value: (r) => r.embedded.catchUpVsRebuild, met: (v) => v >= 0.9 },
  { key: 'peer.name', goal: '', unit: '', value: (r) => r.peer.name },
  { key: 'peer.appendEventsPerSec', goal: '', unit: 'events/s', value: (r) => r.peer.appendEventsPerSec },
  { key: 'peer.appendRatio', goal: '≥ 1.0', unit: '×', value: (r) => r.peer.appendRatio, met: (v) => v >= 1 },
];
