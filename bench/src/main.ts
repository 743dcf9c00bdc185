import { loadavg } from 'node:os';
import { CommanderError } from 'commander';
import 'reflect-metadata';
import { runAppendPart } from './append/append-part.js';
import { timestampedName } from './bench-database.js';
import { BENCH_CONFIG } from './bench-config.js';
import { parseBenchOptions } from './cli-options.js';
import { runEmbeddedPart } from './embedded/embedded-part.js';
import { machineInfo, runInfo } from './machine-info.js';
import { attempt, runNationalParts } from './national-run.js';
import { elapsedSeconds, say } from './progress.js';
import { emptyReport } from './report/bench-report.js';
import { humanSummary } from './report/human-summary.js';
import { writeReport } from './report/write-report.js';
import { ratio } from './stats.js';

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const report = emptyReport(await machineInfo(options.serverUrl), runInfo());
  const notes: string[] = [];
  const loadAtStart = loadAverage();
  say(`parts: ${[...options.parts].join(', ')}; server ${new URL(options.serverUrl).host}`);

  if (options.parts.has('append') || options.parts.has('peer')) {
    await attempt('append', notes, async () => {
      const result = await runAppendPart({
        ...BENCH_CONFIG.append,
        serverUrl: options.serverUrl,
        scratchName: timestampedName('bench_append'),
        measureRawInsert: options.parts.has('append'),
        measurePeer: options.parts.has('peer'),
      });
      if (options.parts.has('append')) report.append = result.append;
      if (options.parts.has('peer')) report.peer = result.peer;
      notes.push(...result.notes.map((note) => `append: ${note}`));
    });
  }
  if (['rebuild', 'proof', 'commands', 'lag', 'asof'].some((part) => options.parts.has(part as never))) {
    await attempt('national', notes, () => runNationalParts(options, report, notes));
  }
  if (options.parts.has('embedded')) {
    await runEmbeddedPart(options.embeddedPractices, report.embedded, notes);
    report.embedded.rebuildVsServer = ratio(report.embedded.rebuild.eventsPerSec, report.rebuild.eventsPerSec);
  }
  notes.push(`whole run took ${elapsedSeconds().toFixed(0)} s`);
  // Figures on a shared machine are only comparable with the load they were taken under.
  notes.push(`load average (1 min) at start ${loadAtStart}, at end ${loadAverage()}, on ${report.machine.cores} cores`);

  const written = await writeReport(report, options.resultsDir, options.complete);
  process.stdout.write(humanSummary(report, notes));
  process.stdout.write(
    `\nwritten: ${written.dated}${written.latest ? ` and ${written.latest}` : ' (latest.json is only rewritten by a complete run)'}\n`,
  );
}

const loadAverage = () => loadavg()[0].toFixed(1);

main().catch((error: unknown) => {
  // --help, --version and a bad option: commander has already printed what the user needs.
  if (error instanceof CommanderError) process.exit(error.exitCode);
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
