import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { decodeCursor, encodeCursor, toEventView, type LogCursor } from '#event-store';
import { logLength } from '#landscape';
import { openRuntime } from '#runtime';
import { createProgress, formatCount, formatDuration, printResult, table } from '../cli-output.js';

interface ExportOptions {
  readonly out?: string;
  readonly after?: LogCursor;
  readonly json?: boolean;
}

const PAGE_SIZE = 5_000;

function cursorOption(value: string): LogCursor {
  const cursor = decodeCursor(value.trim());
  if (!cursor) throw new InvalidArgumentError('must be a cursor printed by an earlier export or returned by GET /feed.');
  return cursor;
}

/**
 * The whole log (or the part after a cursor) as JSON lines in commit order, each event with all its metadata, for
 * auditors' archives and for loading elsewhere. It reads the log the way /feed does, so it never skips a late commit,
 * and prints the cursor to resume from.
 */
export function exportCommand(): Command {
  return new Command('export')
    .description('Write the event log as JSON lines in commit order (every event with all metadata), resumable from a cursor')
    .option('--out <file>', 'write here instead of to stdout')
    .option('--after <cursor>', 'start after this cursor (from an earlier export, or nextCursor of GET /feed)', cursorOption)
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', '\nExample:\n  npm run cli -- export --out log.ndjson\n  npm run cli -- export --after v1.NzU4LjE --out more.ndjson')
    .action(async (options: ExportOptions) => {
      const started = Date.now();
      const runtime = await openRuntime({ applicationName: 'gp-register-export' });
      const out = options.out ? createWriteStream(options.out) : process.stdout;
      const progress = createProgress(options);
      let cursor = options.after ?? null;
      let events = 0;
      try {
        progress.start('exporting', await logLength(runtime.database.pool));
        for (;;) {
          const page = await runtime.eventStore.readAll(cursor, PAGE_SIZE);
          if (page.events.length > 0) {
            const lines = page.events.map((event) => JSON.stringify(toEventView(event))).join('\n') + '\n';
            if (!out.write(lines)) await once(out, 'drain');
            events += page.events.length;
            progress.update(events, `${formatCount(events)} events`);
          }
          cursor = page.cursor ?? cursor;
          if (!page.hasMore) break;
        }
        progress.stop();
        if (options.out) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
        const result = { events, resumeAfter: cursor ? encodeCursor(cursor) : null, out: options.out ?? null, ms: Date.now() - started };
        const human = (r: typeof result) => [
          `Exported ${formatCount(r.events)} events in ${formatDuration(r.ms)}`,
          ...table([
            ['written to', r.out ?? 'stdout'],
            ['resume after', r.resumeAfter ?? '-'],
          ]),
        ];
        if (options.out) printResult(result, options, human);
        // With the log on stdout, the summary goes to stderr so the output stays clean JSON lines.
        else process.stderr.write(`${options.json ? JSON.stringify(result) : human(result).join('\n')}\n`);
      } finally {
        progress.stop();
        await runtime.close();
      }
    });
}
