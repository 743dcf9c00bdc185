import type { BenchReport } from './bench-report.js';
import { GOALS } from './goals.js';

/** The figures against their goals, for a terminal: one line each, then the embedded database and the notes. */
export function humanSummary(report: BenchReport, notes: readonly string[]): string {
  const lines = [
    `GP register benchmark — ${report.run.date}, commit ${report.run.gitCommit?.slice(0, 12) ?? 'unknown'}`,
    `machine: ${report.machine.cores} cores, ${report.machine.memoryGb} GB, PostgreSQL ${report.machine.postgresVersion ?? '?'}, Node ${report.machine.nodeVersion}`,
    '',
  ];
  for (const goal of GOALS) {
    const value = goal.value(report);
    const verdict = typeof value !== 'number' || !goal.met ? '   ' : goal.met(value) ? 'ok ' : 'MISS';
    const shown = value === null ? 'not measured' : typeof value === 'number' ? `${format(value)} ${goal.unit}`.trim() : value;
    lines.push(`${verdict.padEnd(4)} ${goal.key.padEnd(30)} ${shown.padEnd(22)} ${goal.goal ? `goal ${goal.goal}` : ''}`.trimEnd());
  }
  const e = report.embedded;
  if (e.dataset.events !== null || e.append.eventsPerSec !== null) {
    lines.push(
      '',
      `embedded (PGlite ${e.postgresVersion ?? '?'}, ${e.dataset.practices ?? '?'} practices, ${e.dataset.events ?? '?'} events):`,
      `     append ${format(e.append.eventsPerSec)} events/s vs raw INSERT ${format(e.append.rawInsertEventsPerSec)} (ratio ${format(e.append.ratio)}); ` +
        `rebuild ${format(e.rebuild.eventsPerSec)} events/s`,
      `     summary p50 ${format(e.asOf.summaryP50Ms)} ms, p99 ${format(e.asOf.summaryP99Ms)} ms; practice p50 ${format(e.asOf.practiceP50Ms)} ms; ` +
        `bitemporal p50 ${format(e.asOf.bitemporalSummaryP50Ms)} ms; naive fold ${format(e.asOf.naiveFoldSummaryMs)} ms (${format(e.asOf.speedupVsNaive)}×); ` +
        `trend of 100 quarters p50 ${format(e.asOf.trendP50Ms)} ms (${format(e.asOf.trendVsSummary)}× the summary); ` +
        `API peak RSS ${format(e.memory.apiPeakRssMb)} MB`,
    );
  }
  if (notes.length > 0) lines.push('', 'notes:', ...notes.map((note) => `  - ${note}`));
  return `${lines.join('\n')}\n`;
}

function format(value: number | null): string {
  if (value === null) return 'n/a';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-GB');
  return value.toFixed(2);
}
