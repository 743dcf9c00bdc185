import { Command } from 'commander';
import { DEFAULT_GENERATED_PRACTICES, seedDemo, type SeedDemoProgress, type SeedDemoReport } from '#demo-history';
import { openRuntime } from '#runtime';
import { CliUsageError, createProgress, dateOption, formatCount, formatDuration, integerOption, printResult, table } from '../cli-output.js';
import { settleLog } from '../settle-log.js';
import { operatorRecordedBy, withOperatorOption } from '../operator.js';

interface SeedDemoOptions {
  readonly seed: number;
  readonly practices?: number;
  readonly fromYear: number;
  readonly toDate?: string;
  readonly chunkSize: number;
  readonly json: boolean;
  readonly as?: string;
}

const REFUSALS_SHOWN = 10;

export function seedDemoCommand(): Command {
  return withOperatorOption(
    new Command('seed-demo')
      .description('Generate a realistic, deterministic history of contract transitions (2004 to today) through the decider')
      .option('--seed <n>', 'random seed: the same seed, dates and register give the same events (ids included)', integerOption(0, 2 ** 31 - 1), 1)
      .option(
        '--practices <n>',
        `practices to simulate: the first N already in the register (by area), else N generated ones (default ${DEFAULT_GENERATED_PRACTICES})`,
        integerOption(1, 50_000),
      )
      .option('--from-year <year>', 'first year of the history (it starts on 1 April)', integerOption(1990, 2100), 2004)
      .option('--to-date <date>', 'last date of the history, YYYY-MM-DD (default: today)', dateOption)
      .option('--chunk-size <n>', 'practices simulated together (whole commissioner areas); bounds memory', integerOption(20, 5_000), 300)
      .option('--json', 'print the summary as one JSON document (no progress output)', false)
      .addHelpText(
        'after',
        '\nOn imported practices (import-ods first) it adds contracts, GPs, list sizes, federations, subcontracts, PCNs,\n' +
          'mergers, closures and late corrections; on an empty register it generates the practices too. Practices that\n' +
          'already hold generated events are left alone, so a rerun appends nothing.\n\n' +
          'Example:\n  npm run cli -- seed-demo --seed 7 --practices 500',
      ),
  ).action(async (options: SeedDemoOptions) => {
    const toDate = options.toDate ?? new Date().toISOString().slice(0, 10);
    if (toDate < `${options.fromYear}-04-01`) throw new CliUsageError(`--to-date ${toDate} is before the history starts (${options.fromYear}-04-01)`);

    const runtime = await openRuntime({ applicationName: 'gp-register-seed-demo' });
    const progress = createProgress(options);
    let phase: SeedDemoProgress['phase'] | null = null;
    try {
      const report = await seedDemo(runtime.eventStore, {
        seed: options.seed,
        practices: options.practices,
        fromYear: options.fromYear,
        toDate,
        chunkPractices: options.chunkSize,
        recordedBy: operatorRecordedBy(options.as),
        onProgress: (update) => {
          if (update.phase !== phase) {
            phase = update.phase;
            if (update.phase === 'generating') progress.start('practices', update.practicesTotal);
          }
          if (update.phase === 'generating') progress.update(update.practicesDone, `${formatCount(update.eventsAppended)} events`);
        },
      });
      if (report.eventsAppended > 0) await settleLog(runtime.database.pool);
      progress.stop();
      printResult(report, options, humanSummary);
      if (report.refusals.length > 0) process.exitCode = 1;
    } finally {
      progress.stop();
      await runtime.close();
    }
  });
}

function humanSummary(report: SeedDemoReport): string[] {
  const on = report.basis === 'recorded' ? 'on the practices in the register' : 'on generated practices';
  const lines = [
    `Seeded a demo history (seed ${report.seed}, ${report.fromYear}-04-01 to ${report.toDate}) ${on} in ${formatDuration(report.durationMs)}, ${formatCount(report.eventsPerSec)} events/s`,
    ...table([
      ['practices simulated', report.practices.simulated],
      ['already seeded, left alone', report.practices.alreadySeeded],
      ['events appended', `${formatCount(report.eventsAppended)} (in ${formatCount(report.appends)} appends)`],
      ...Object.entries(report.eventsByType)
        .sort(([, a], [, b]) => b - a)
        .map(([type, count]): [string, number] => [`  ${type}`, count]),
      ['late corrections', report.lateCorrections],
      ['refused by the decider', report.refusals.length],
    ]),
  ];
  for (const refusal of report.refusals.slice(0, REFUSALS_SHOWN)) lines.push(`  refused: ${refusal}`);
  return lines;
}
