import { execFileSync } from 'node:child_process';
import { availableParallelism, totalmem } from 'node:os';
import pg from 'pg';
import type { BenchReport } from './report/bench-report.js';

export async function machineInfo(serverUrl: string | null): Promise<BenchReport['machine']> {
  return {
    cores: availableParallelism(),
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    postgresVersion: serverUrl ? await postgresVersion(serverUrl) : null,
    nodeVersion: process.version,
  };
}

export function runInfo(): BenchReport['run'] {
  return { date: new Date().toISOString(), gitCommit: gitCommit() };
}

/** `SHOW server_version` of the server (or of PGlite through its socket), null when unreachable. */
export async function postgresVersion(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
