import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadOrCreateSigningKey, Notary, publishPublicKey, type VerifyLogReport } from '#proof';
import type { Runtime } from '#runtime';
import { deployableEnv } from '../api/child-service.js';
import { deployedNodeFlags } from '../api/deployed-node-flags.js';
import { say } from '../progress.js';
import { perSecond } from '../stats.js';

const CLI_SCRIPT = 'dist/apps/cli/src/main.js';

export interface ProofMeasurement {
  readonly events: number;
  readonly durationMs: number;
  readonly eventsPerSec: number | null;
}

/** Forgets the tree so the notary starts from the first event (the bench's own database only). */
async function forgetTree(runtime: Runtime): Promise<void> {
  await runtime.database.pool.query(`TRUNCATE proof.leaves, proof.tree_nodes, proof.tree_heads`);
  await runtime.database.pool.query(
    `UPDATE proof.notary_checkpoint SET tree_size = 0, transaction_id = NULL, position = NULL, frontier = '{}', signed_size = 0, signed_through = NULL`,
  );
}

/** Steps the notary until its tree covers the readable log and a head is signed for it. */
async function notarise(runtime: Runtime, keyFile: string): Promise<number> {
  const key = loadOrCreateSigningKey(keyFile);
  await publishPublicKey(runtime.database.pool, { keyId: key.keyId, algorithm: 'Ed25519', publicKeyPem: key.publicKeyPem });
  const notary = new Notary(runtime.eventStore, runtime.database.pool, key, { batchSize: 5_000, headIntervalMs: 0 });
  for (;;) {
    const step = await notary.step();
    if (!step.hasMore && !step.headPending && !step.conflict) return step.treeSize;
  }
}

/** proof.notaryEventsPerSec: the notary as the API runs it (same code, same batch), catching up from an empty tree. */
export async function measureNotary(runtime: Runtime, keyFile: string): Promise<ProofMeasurement> {
  say('proof: the notary catching up over the whole log from an empty tree');
  await forgetTree(runtime);
  const started = performance.now();
  const events = await notarise(runtime, keyFile);
  const durationMs = performance.now() - started;
  const eventsPerSec = perSecond(events, durationMs);
  say(`proof: notary ${events} events in ${(durationMs / 1000).toFixed(1)} s = ${Math.round(eventsPerSec ?? 0)} events/s`);
  return { events, durationMs, eventsPerSec };
}

/** Brings the tree up to the log before the API parts, unmeasured, so their notary only follows the new writes. */
export async function prepareTree(runtime: Runtime, keyFile: string): Promise<void> {
  const size = await notarise(runtime, keyFile);
  say(`national: the log's tree covers ${size} events (not measured)`);
}

/**
 * proof.verifyEventsPerSec: `verify-log --json` as an auditor runs it (npm run cli's Node flags, a child process),
 * over the whole log; timed from spawn to exit, so Node's start is included.
 */
export async function measureVerifyLog(databaseUrl: string, keyFile: string): Promise<ProofMeasurement> {
  say('proof: verify-log in a child process (npm run cli)');
  const args = [...deployedNodeFlags('cli', CLI_SCRIPT), join(process.cwd(), CLI_SCRIPT), 'verify-log', '--json', '--public-key', keyFile];
  const env = deployableEnv(databaseUrl, undefined, { LOG_LEVEL: 'warn' });
  const started = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, args, { env, maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`verify-log failed: ${error.stdout?.slice(0, 2000) || error.stderr?.trim() || error.message}`);
    },
  );
  const durationMs = performance.now() - started;
  const report = JSON.parse(stdout) as VerifyLogReport;
  const eventsPerSec = perSecond(report.events, durationMs);
  say(
    `proof: verify-log ${report.events} events, ${report.heads} heads in ${(durationMs / 1000).toFixed(1)} s = ${Math.round(eventsPerSec ?? 0)} events/s`,
  );
  return { events: report.events, durationMs, eventsPerSec };
}
