import cliProgress from 'cli-progress';
import { InvalidArgumentError } from 'commander';

/**
 * Output conventions shared by every CLI command:
 * - stdout carries the result only: a human summary, or with `--json` exactly one JSON document;
 * - stderr carries progress (a bar on a terminal, plain lines otherwise; none with `--json`) and errors;
 * - exit codes: 0 done, 1 the work failed, 2 the command line was wrong (throw CliUsageError for that).
 */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A problem with what the user typed (missing file, bad option value): reported without a stack, exit code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export interface OutputOptions {
  readonly json?: boolean;
}

export interface Progress {
  /** Starts (or restarts, for the next phase) with a label and the amount of work. */
  start(label: string, total: number): void;
  /** Sets how much is done; `detail` is a short note shown beside the count (e.g. "42,120 events"). */
  update(done: number, detail?: string): void;
  stop(): void;
}

/** A progress bar on a terminal, plain lines at every tenth otherwise, nothing in --json mode. */
export function createProgress(options: OutputOptions = {}, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (options.json) return silentProgress;
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream);
}

const silentProgress: Progress = { start() {}, update() {}, stop() {} };

class BarProgress implements Progress {
  private bar: cliProgress.SingleBar | null = null;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  start(label: string, total: number): void {
    this.stop();
    this.bar = new cliProgress.SingleBar(
      {
        stream: this.stream,
        format: `${label.padEnd(12)} [{bar}] {percentage}% | {value}/{total} | {detail} | {duration_formatted}`,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(Math.max(total, 1), 0, { detail: '' });
  }

  update(done: number, detail = ''): void {
    this.bar?.update(done, { detail });
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}

class LineProgress implements Progress {
  private label = '';
  private total = 1;
  private lastTenth = -1;
  private lastDone = 0;
  private lastDetail = '';

  constructor(private readonly stream: NodeJS.WriteStream) {}

  start(label: string, total: number): void {
    this.label = label;
    this.total = Math.max(total, 1);
    this.lastTenth = -1;
    this.update(0);
  }

  update(done: number, detail = ''): void {
    this.lastDone = done;
    this.lastDetail = detail;
    const tenth = Math.min(10, Math.floor((done / this.total) * 10));
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.write();
  }

  stop(): void {
    if (this.lastTenth < 10 && this.label) {
      this.lastTenth = 10;
      this.write();
    }
    this.label = '';
  }

  private write(): void {
    const percent = Math.round((this.lastDone / this.total) * 100);
    const detail = this.lastDetail ? ` ${this.lastDetail}` : '';
    this.stream.write(`${this.label}: ${percent}% (${formatCount(this.lastDone)}/${formatCount(this.total)})${detail}\n`);
  }
}

/** Prints the command's result: JSON for machines, or the human lines. */
export function printResult<T>(result: T, options: OutputOptions, human: (result: T) => readonly string[]): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${human(result).join('\n')}\n`);
}

/** The message for stderr and the exit code for an error that ended a command. */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliUsageError) return { message: `error: ${error.message}`, exitCode: EXIT_USAGE };
  const message = error instanceof Error ? error.message : String(error);
  const stack = process.env.DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return { message: `error: ${message}${stack}`, exitCode: EXIT_FAILURE };
}

/** commander argument parser for a whole number in [min, max]. */
export function integerOption(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('must be a whole number.');
    const number = Number(value);
    if (number < min || number > max) throw new InvalidArgumentError(`must be between ${min} and ${max}.`);
    return number;
  };
}

/** commander argument parser for a YYYY-MM-DD calendar date. */
export function dateOption(value: string): string {
  const text = value.trim();
  const parsed = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
    throw new InvalidArgumentError('must be a date as YYYY-MM-DD.');
  }
  return text;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-GB');
}

export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** Aligned "label  value" lines for human summaries. */
export function table(rows: ReadonlyArray<readonly [string, string | number]>, indent = '  '): string[] {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${typeof value === 'number' ? formatCount(value) : value}`);
}
