import { Command } from 'commander';
import { BULK_PAGE_EVENTS, logLength, rebuildProjections, type RebuildResult } from '#landscape';
import { openRuntime } from '#runtime';
import { createProgress, formatCount, formatDuration, integerOption, printResult, table } from '../cli-output.js';

interface RebuildOptions {
  readonly batchSize?: number;
  readonly json: boolean;
}

export function rebuildProjectionsCommand(): Command {
  return new Command('rebuild-projections')
    .description(
      'Rebuild the landscape projection from the whole log into a table beside the live one, then switch over in one ' +
        'transaction: readers never see an empty or half-built landscape, and the API may keep running',
    )
    .option(
      '--batch-size <n>',
      `events applied per transaction (default: ${BULK_PAGE_EVENTS.embedded} on the embedded database, ${BULK_PAGE_EVENTS.server} on a server)`,
      integerOption(1, 100_000),
    )
    .option('--json', 'print the summary as one JSON document (no progress output)', false)
    .action(async (options: RebuildOptions) => {
      const runtime = await openRuntime({ applicationName: 'gp-register-rebuild' });
      const progress = createProgress(options);
      try {
        const total = await logLength(runtime.database.pool);
        progress.start('rebuilding', total);
        const result = await rebuildProjections(runtime.eventStore, runtime.database.pool, {
          batchSize: options.batchSize,
          onProgress: ({ phase, eventsApplied }) => progress.update(Math.min(eventsApplied, total), `${formatCount(eventsApplied)} events, ${phase}`),
        });
        progress.stop();
        printResult(result, options, humanSummary);
      } finally {
        progress.stop();
        await runtime.close();
      }
    });
}

function humanSummary(result: RebuildResult): string[] {
  return [
    `Rebuilt the landscape projection in ${formatDuration(result.durationMs)} and switched it in`,
    ...table([
      ['events applied', result.eventsApplied],
      ['switch attempts', result.switchAttempts],
    ]),
  ];
}
