import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Command, InvalidArgumentError } from 'commander';
import { logLength, practicesCsvStream, readLogHistories, replayLandscape } from '#landscape';
import { isIsoInstant } from '#platform';
import { openRuntime } from '#runtime';
import { createProgress, dateOption, formatCount, formatDuration, table } from '../cli-output.js';

interface ReplayOptions {
  readonly asOf: string;
  readonly knownAt?: string;
  readonly out?: string;
}

function instantOption(value: string): string {
  if (!isIsoInstant(value.trim())) throw new InvalidArgumentError('must be an ISO-8601 instant with a time zone, e.g. 2024-01-01T00:00:00Z.');
  return new Date(value.trim()).toISOString();
}

export function replayCommand(): Command {
  return new Command('replay')
    .description(
      'Fold the raw event log with the pure decider (no projection involved) and write the landscape on a date, ' +
        'as known at an instant, as CSV (the columns of GET /reports/practices.csv)',
    )
    .requiredOption('--as-of <date>', 'the effective date (YYYY-MM-DD)', dateOption)
    .option('--known-at <instant>', 'what the register believed at this instant (default now; never beyond the stable horizon)', instantOption)
    .option('--out <file>', 'write the CSV here instead of to stdout')
    .addHelpText('after', '\nExample:\n  npm run cli -- replay --as-of 2016-04-01 --known-at 2024-01-01T00:00:00Z --out landscape-2016.csv')
    .action(async (options: ReplayOptions) => {
      const started = Date.now();
      const runtime = await openRuntime({ applicationName: 'gp-register-replay' });
      const progress = createProgress();
      try {
        progress.start('reading log', await logLength(runtime.database.pool));
        const log = await readLogHistories(runtime.eventStore, { onProgress: (events) => progress.update(events, `${formatCount(events)} events`) });
        progress.stop();
        const requested = options.knownAt === undefined ? Date.now() : Date.parse(options.knownAt);
        const horizon = log.stableHorizon === null ? requested : Date.parse(log.stableHorizon);
        const knownAt = new Date(Math.min(requested, horizon)).toISOString();
        const states = replayLandscape(log.histories, options.asOf, knownAt);
        const csv = practicesCsvStream(
          (async function* () {
            yield* states;
          })(),
        );
        await pipeline(csv, options.out ? createWriteStream(options.out) : process.stdout, { end: options.out !== undefined });
        // With the CSV on stdout, the summary goes to stderr so the output stays a clean CSV.
        const summary = options.out ? process.stdout : process.stderr;
        summary.write(
          [
            `Replayed ${formatCount(log.events)} events in ${formatDuration(Date.now() - started)}`,
            ...table([
              ['as of', options.asOf],
              ['known at', knownAt + (options.knownAt !== undefined && Date.parse(knownAt) < requested ? ' (clamped to the stable horizon)' : '')],
              ['practices', states.length],
              ['  open', states.filter((state) => state.status === 'open').length],
              ...(options.out ? [['written to', options.out] as [string, string]] : []),
            ]),
          ].join('\n') + '\n',
        );
      } finally {
        progress.stop();
        await runtime.close();
      }
    });
}
