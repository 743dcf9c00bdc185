import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchReport } from './bench-report.js';

export interface WrittenReport {
  readonly dated: string;
  readonly latest: string | null;
}

/**
 * Writes the dated copy always, and latest.json only for a complete run: latest.json is committed, so it must never
 * hold a partial run's nulls in place of figures measured before.
 */
export async function writeReport(report: BenchReport, resultsDir: string, complete: boolean): Promise<WrittenReport> {
  await mkdir(resultsDir, { recursive: true });
  const text = `${JSON.stringify(report, roundFigures, 2)}\n`;
  const dated = join(resultsDir, `${report.run.date.replace(/:/g, '-')}.json`);
  await writeFile(dated, text);
  if (!complete) return { dated, latest: null };
  const latest = join(resultsDir, 'latest.json');
  await writeFile(latest, text);
  return { dated, latest };
}

/** Figures are noisy well before their third significant digit: rates as integers, times and ratios to 2 decimals. */
function roundFigures(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || Number.isInteger(value)) return value;
  return Math.abs(value) >= 1_000 ? Math.round(value) : Math.round(value * 100) / 100;
}
