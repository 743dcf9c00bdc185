import { existsSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { Command } from 'commander';
import { logLength } from '#landscape';
import { readPublicKeyFile, signingKeyPath, verifyLog, type VerifyLogReport } from '#proof';
import { openRuntime } from '#runtime';
import { CliUsageError, createProgress, EXIT_FAILURE, formatDuration, printResult, table } from '../cli-output.js';

interface VerifyLogCliOptions {
  readonly publicKey: string[];
  readonly json: boolean;
}

export function verifyLogCommand(): Command {
  return new Command('verify-log')
    .description(
      "Check the log against its signed tree heads: re-hash every stored event, check every head's signature (with a key " +
        'from a file, never from the database), root and recordedThrough; exit 1 naming the first event altered, ' +
        'removed, inserted, reordered or back-dated since it was signed',
    )
    .option(
      '--public-key <pem file>',
      'public key to check signatures with; repeat for heads signed by earlier keys (default: the public half of LOG_SIGNING_KEY_FILE)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--json', 'print the report as one JSON document (no progress output)', false)
    .action(async (options: VerifyLogCliOptions) => {
      const publicKeys = loadKeys(options.publicKey);
      const started = Date.now();
      const runtime = await openRuntime({ applicationName: 'gp-register-verify-log' });
      const progress = createProgress(options);
      try {
        progress.start('verifying', await logLength(runtime.database.pool));
        const report = await verifyLog(runtime.eventStore, runtime.database.pool, { publicKeys, onProgress: (done) => progress.update(done) });
        progress.stop();
        printResult(report, options, (result) => humanReport(result, Date.now() - started));
        if (!report.ok) process.exitCode = EXIT_FAILURE;
      } finally {
        progress.stop();
        await runtime.close();
      }
    });
}

function loadKeys(files: readonly string[]): KeyObject[] {
  const paths = files.length > 0 ? files : [signingKeyPath()];
  return paths.map((path) => {
    if (!existsSync(path)) throw new CliUsageError(`no key file at ${path} (give the log's public key with --public-key <pem file>)`);
    try {
      return readPublicKeyFile(path);
    } catch (error) {
      throw new CliUsageError(`${path} is not a PEM key: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

function humanReport(report: VerifyLogReport, durationMs: number): string[] {
  const verdict = report.ok
    ? report.heads === 0
      ? 'no tree head signed yet: nothing to check against'
      : 'the log matches every signed tree head'
    : `FAILED: ${report.firstEvent?.message ?? report.problems[0].message}`;
  const lines = [
    `Verified in ${formatDuration(durationMs)}: ${verdict}`,
    ...table([
      ['events in the log', report.events],
      ['signed tree heads', report.heads],
      ['largest signed tree', report.signedTreeSize],
      ['latest head recordedThrough', report.latestHead?.recordedThrough ?? 'none'],
    ]),
  ];
  for (const problem of report.problems.slice(0, 20)) lines.push(`  ${problem.kind}: ${problem.message}`);
  if (report.problems.length > 20) lines.push(`  … and ${report.problems.length - 20} more (--json lists them)`);
  return lines;
}
