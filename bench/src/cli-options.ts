import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { BENCH_CONFIG, PARTS, type Part } from './bench-config.js';

export interface BenchOptions {
  readonly parts: ReadonlySet<Part>;
  /** True when every part runs: only then is latest.json rewritten. */
  readonly complete: boolean;
  readonly serverUrl: string;
  /** Reuse (or create and keep) this database instead of a fresh bench_<timestamp>. */
  readonly database: string | null;
  readonly keep: boolean;
  readonly practices: number;
  readonly embeddedPractices: number;
  readonly resultsDir: string;
  /** CPU-profile the API child process into this folder (node --cpu-prof), or null. */
  readonly profileDir: string | null;
  /** Where the landscape projector runs during the API parts: inside the API (the default deployment) or beside it. */
  readonly projector: 'in-api' | 'separate';
}

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const program = new Command('bench')
    .description('National-scale benchmark of the GP register (see bench/README.md)')
    .argument('[parts...]', `parts to run: ${PARTS.join(', ')} or all`, ['all'])
    .option('--keep', 'keep the bench database at the end (it is dropped otherwise)', false)
    .option('--database <name>', 'use this database on the server; an existing one is reused as it is (implies --keep)')
    .option('--practices <n>', 'practices in the national history', positiveInteger, BENCH_CONFIG.dataset.practices)
    .option('--embedded-practices <n>', 'practices in the embedded database history', positiveInteger, BENCH_CONFIG.embedded.practices)
    .option('--results <dir>', 'where the JSON results go', 'bench/results')
    .option('--projector <where>', 'in-api (default deployment) or separate (API with PROJECTOR=off beside apps/projector)', projectorPlace, 'in-api')
    .option('--profile [dir]', 'CPU-profile the API process (node --cpu-prof) into dir (default: a temporary folder)')
    .addHelpText('after', '\nThe server is BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).')
    .exitOverride();
  program.parse([...argv], { from: 'user' });
  const opts = program.opts<{
    keep: boolean;
    database?: string;
    practices: number;
    embeddedPractices: number;
    results: string;
    profile?: string | true;
    projector: 'in-api' | 'separate';
  }>();
  const names = (program.processedArgs[0] as string[]).map((name) => name.toLowerCase());
  const unknown = names.filter((name) => name !== 'all' && !(PARTS as readonly string[]).includes(name));
  if (unknown.length > 0) program.error(`error: unknown part(s) ${unknown.join(', ')}; choose from ${PARTS.join(', ')}, all`);
  const all = names.includes('all');
  return {
    parts: new Set(all ? PARTS : (names as Part[])),
    complete: all,
    serverUrl: process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_SERVER,
    database: opts.database ?? null,
    keep: opts.keep || opts.database !== undefined,
    practices: opts.practices,
    embeddedPractices: opts.embeddedPractices,
    resultsDir: opts.results,
    projector: opts.projector,
    profileDir:
      opts.profile === undefined ? null : opts.profile === true ? join(tmpdir(), `gp-register-bench-profiles-${process.pid}`) : opts.profile,
  };
}

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('must be a positive integer');
  return value;
}

function projectorPlace(text: string): 'in-api' | 'separate' {
  if (text !== 'in-api' && text !== 'separate') throw new InvalidArgumentError('must be in-api or separate');
  return text;
}
