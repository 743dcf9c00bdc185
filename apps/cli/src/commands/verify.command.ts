import { Command } from 'commander';
import { logLength, verifyProjections, type Mismatch, type VerifyReport } from '#landscape';
import { openRuntime } from '#runtime';
import { createProgress, EXIT_FAILURE, formatDuration, integerOption, printResult, table } from '../cli-output.js';

interface VerifyOptions {
  readonly dates: number;
  readonly knownAts: number;
  readonly show: number;
  readonly json: boolean;
}

export function verifyCommand(): Command {
  return new Command('verify')
    .description(
      'Compare the landscape projection with an independent replay of the raw log for every practice at a sample of ' +
        'effective dates and knownAt instants; report every mismatch and exit 1 if there is any',
    )
    .option(
      '--dates <n>',
      'effective dates sampled over the log (plus the day before the first, today and the day after the last)',
      integerOption(1, 1_000),
      10,
    )
    .option('--known-ats <n>', 'recorded instants sampled over the log (each also 1 ms earlier; plus the stable horizon)', integerOption(1, 1_000), 4)
    .option('--show <n>', 'mismatches printed in full (--json prints them all)', integerOption(0, 1_000_000), 20)
    .option('--json', 'print the report as one JSON document (no progress output)', false)
    .action(async (options: VerifyOptions) => {
      const started = Date.now();
      const runtime = await openRuntime({ applicationName: 'gp-register-verify' });
      const progress = createProgress(options);
      let phase = '';
      try {
        const events = await logLength(runtime.database.pool);
        const report = await verifyProjections(runtime.eventStore, runtime.database.pool, {
          dates: options.dates,
          knownAts: options.knownAts,
          onProgress: (update) => {
            if (update.phase !== phase) {
              phase = update.phase;
              progress.start(update.phase, update.phase === 'reading' ? events : update.total);
            }
            progress.update(update.done);
          },
        });
        progress.stop();
        printResult(report, options, (result) => humanReport(result, options.show, Date.now() - started));
        const nothingCompared = report.samples === 0 && report.events > 0;
        const trendModelWrong = (report.trendModel?.differing ?? 0) > 0;
        if (report.mismatches.length > 0 || !report.projectionVersionCurrent || nothingCompared || trendModelWrong) process.exitCode = EXIT_FAILURE;
      } finally {
        progress.stop();
        await runtime.close();
      }
    });
}

function humanReport(report: VerifyReport, show: number, durationMs: number): string[] {
  const verdict =
    report.samples === 0 && report.events > 0
      ? 'NOTHING COMPARED: the projection has not caught up yet (start the API or the projector, or run rebuild-projections)'
      : report.mismatches.length === 0
        ? 'projection matches the replay'
        : `${report.mismatches.length} MISMATCHES`;
  const lines = [
    `Verified in ${formatDuration(durationMs)}: ${verdict}`,
    ...table([
      ['events in the log', report.events],
      ['practices', report.practices],
      ['(asOf, knownAt) samples', report.samples],
      ['practice comparisons', report.comparisons],
      ['projection horizon', report.stableHorizon ?? 'none yet (projection has not caught up)'],
      ['trend model', trendModelLine(report)],
    ]),
  ];
  if (!report.projectionVersionCurrent) lines.push('The projection was built by another projection version: run rebuild-projections.');
  for (const mismatch of report.mismatches.slice(0, show)) lines.push(describe(mismatch));
  if (report.mismatches.length > show) lines.push(`  … and ${report.mismatches.length - show} more (--json lists them all)`);
  return lines;
}

function trendModelLine({ trendModel }: VerifyReport): string {
  if (trendModel === null) return 'not folded yet (the trend reads the versions)';
  const verdict = trendModel.differing === 0 ? 'matches a fresh derivation' : `${trendModel.differing} CHANGES DIFFER from a fresh derivation`;
  return `${verdict} (folded through ${trendModel.foldedThrough})`;
}

function describe(mismatch: Mismatch): string {
  const what =
    mismatch.projected === null
      ? 'missing from the projection'
      : mismatch.replayed === null
        ? 'in the projection but not in the replay'
        : `fields ${mismatch.fields.join(', ')}`;
  return `  ${mismatch.odsCode} asOf ${mismatch.asOf} knownAt ${mismatch.knownAt}: ${what}`;
}
