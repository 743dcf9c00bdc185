import { access, constants } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import { extractDateFromFileName, importOds, type ImportProgress, type OdsImportReport } from '#ods-import';
import { openRuntime } from '#runtime';
import { CliUsageError, createProgress, dateOption, formatCount, formatDuration, integerOption, printResult, table } from '../cli-output.js';
import { settleLog } from '../settle-log.js';
import { operatorRecordedBy, withOperatorOption } from '../operator.js';

interface ImportOdsOptions {
  readonly practices: string;
  readonly memberships?: string;
  readonly allSettings: boolean;
  readonly extractDate?: string;
  readonly batchSize: number;
  readonly json: boolean;
  readonly as?: string;
}

const SKIPPED_ROWS_SHOWN = 20;

export function importOdsCommand(): Command {
  return withOperatorOption(
    new Command('import-ods')
      .description('Import the NHS ODS practice files as dated events (a rerun appends nothing; a newer file only what changed)')
      .requiredOption('--practices <file>', 'epraccur.csv: GP practices and other prescribing cost centres')
      .option('--memberships <file>', "epcmem.csv: the practices' commissioner memberships over time")
      .option('--all-settings', 'import every prescribing setting, not only 4 (GP practices)', false)
      .option('--extract-date <date>', 'the date the files describe; renames take effect then (default: from the file name, else today)', dateOption)
      .option('--batch-size <n>', 'practices per atomic append', integerOption(1, 20_000), 500)
      .option('--json', 'print the summary as one JSON document (no progress output)', false)
      .addHelpText(
        'after',
        '\nExample:\n  npm run cli -- import-ods --practices ../shared/data/ods/epraccur_2019-10.csv --memberships ../shared/data/ods/epcmem_2019-10.csv',
      ),
  ).action(async (options: ImportOdsOptions) => {
    await requireReadable(options.practices, '--practices');
    if (options.memberships) await requireReadable(options.memberships, '--memberships');
    const extractDate = options.extractDate ?? extractDateFromFileName(basename(options.practices)) ?? new Date().toISOString().slice(0, 10);

    const runtime = await openRuntime({ applicationName: 'gp-register-import-ods' });
    const progress = createProgress(options);
    let phase: ImportProgress['phase'] | null = null;
    try {
      const report = await importOds(runtime.eventStore, {
        practicesFile: options.practices,
        membershipsFile: options.memberships ?? null,
        allSettings: options.allSettings,
        extractDate,
        batchSize: options.batchSize,
        recordedBy: operatorRecordedBy(options.as),
        onProgress: (update) => {
          if (update.phase !== phase) {
            phase = update.phase;
            progress.start(update.phase === 'memberships' ? 'memberships' : 'practices', update.totalLines);
          }
          progress.update(update.linesRead, `${formatCount(update.eventsAppended)} events`);
        },
      });
      if (report.eventsAppended > 0) await settleLog(runtime.database.pool);
      progress.stop();
      printResult(report, options, humanSummary);
    } finally {
      progress.stop();
      await runtime.close();
    }
  });
}

async function requireReadable(path: string, option: string): Promise<void> {
  try {
    await access(path, constants.R_OK);
  } catch {
    throw new CliUsageError(`${option}: cannot read ${path}`);
  }
}

function humanSummary(report: OdsImportReport): string[] {
  const files = report.files.memberships ? `${report.files.practices} and ${report.files.memberships}` : report.files.practices;
  const { practices } = report;
  const lines = [
    `Imported ${files} in ${formatDuration(report.durationMs)}, ${formatCount(report.eventsPerSec)} events/s (extract date ${report.extractDate})`,
    ...table([
      ['practice rows read', report.rowsRead.practices],
      ['membership rows read', report.rowsRead.memberships],
      [report.settings === 'all' ? 'practices (all settings)' : 'GP practices (setting 4)', practices.valid],
      ['  new / updated / unchanged', `${formatCount(practices.new)} / ${formatCount(practices.updated)} / ${formatCount(practices.unchanged)}`],
      ['other settings left out', practices.otherSettings],
      ['events appended', report.eventsAppended],
      ...Object.entries(report.eventsByType).map(([type, count]): [string, number] => [`  ${type}`, count]),
      ['rows skipped', report.rowsSkipped],
      ...Object.entries(report.skippedByCode).map(([code, count]): [string, number] => [`  ${code}`, count ?? 0]),
    ]),
  ];
  if (report.skipped.length > 0) {
    lines.push('Skipped (file:line, reason):');
    for (const row of report.skipped.slice(0, SKIPPED_ROWS_SHOWN)) lines.push(`  ${row.file}:${row.line}  ${row.code}  ${row.reason}`);
    if (report.skipped.length > SKIPPED_ROWS_SHOWN)
      lines.push(`  … and ${formatCount(report.skipped.length - SKIPPED_ROWS_SHOWN)} more (--json lists them all)`);
  }
  return lines;
}
