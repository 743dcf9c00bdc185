import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ChildServiceOptions {
  /** The deployable's entry point, relative to the project root (e.g. dist/apps/api/src/main.js). */
  readonly script: string;
  readonly env: NodeJS.ProcessEnv;
  readonly logFile: string;
  /** Node flags the deployable is started with (see deployed-node-flags.ts). */
  readonly nodeFlags?: readonly string[];
  /** When set, the child runs with --cpu-prof and writes its profile into this folder on exit. */
  readonly profileDir?: string | null;
}

/**
 * One of the product's deployables in a child process of its own, so that its memory is its own (read from
 * /proc/<pid>/status) and its CPU profile can be taken. Its output goes straight into a log file: no pipe for the
 * benchmark process to pump while it generates load.
 */
export class ChildService {
  private readonly exited: Promise<string>;

  constructor(private readonly child: ChildProcess) {
    this.exited = new Promise<string>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exited with code ${code}`)),
    );
  }

  static spawn(options: ChildServiceOptions): ChildService {
    const log = openSync(options.logFile, 'a');
    const profiling = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [];
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...profiling, join(process.cwd(), options.script)], {
      env: options.env,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    return new ChildService(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Resolves with how the child ended, whenever it ends. */
  get ended(): Promise<string> {
    return this.exited;
  }

  /** How the child ended, when it ended before stop() was called (a crash the figures must not hide). */
  get unexpectedExit(): Promise<string | null> {
    return this.hasExited ? this.exited : Promise.resolve(null);
  }

  /** The peak resident set size so far (VmHWM), in MiB; null when /proc is not available. */
  peakRssMb(): Promise<number | null> {
    return this.statusField('VmHWM');
  }

  /** The resident set size now (VmRSS), in MiB. */
  rssMb(): Promise<number | null> {
    return this.statusField('VmRSS');
  }

  /** SIGTERM (the deployables close their projector and pool), SIGKILL if it has not exited within 10 s. */
  async stop(): Promise<void> {
    if (this.hasExited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  private async statusField(field: string): Promise<number | null> {
    try {
      const status = await readFile(`/proc/${this.pid}/status`, 'utf8');
      const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
      return match ? Number(match[1]) / 1024 : null;
    } catch {
      return null;
    }
  }
}

/** The environment for a deployable on the bench database (or on the embedded one in `dataDir` when url is null). */
export function deployableEnv(databaseUrl: string | null, dataDir: string | undefined, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...extra };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (dataDir) env.DATA_DIR = dataDir;
  return env;
}
