import { SeededRandom } from '#demo-history';
import type { ApiEndpoint } from '../api/bench-keys.js';
import { KeepAliveClient } from '../api/http-client.js';
import { say } from '../progress.js';

import { percentile, perSecond } from '../stats.js';
import { listSizeCommand, type WritePlan, type WriteTarget } from './write-plan.js';

export interface CommandLoadOptions {
  readonly clients: number;
  readonly requestsPerClient: number;
  readonly practicesPerClient: number;
  /** Wall-clock bound: clients stop sending when it passes. */
  readonly deadline: number;
  /** Requests per client sent first and not counted (connections, JIT, caches). */
  readonly warmUpPerClient: number;
}

export interface CommandLoadResult {
  readonly ok: number;
  readonly failed: number;
  readonly failures: ReadonlyMap<string, number>;
  readonly wallMs: number;
  readonly latenciesMs: readonly number[];
  readonly perSec: number | null;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

/**
 * `clients` concurrent keep-alive HTTP clients, each writing valid commands to practices of its own, back to back
 * (closed loop), for a fixed number of requests. Throughput is successful writes over the wall time of the timed part.
 */
export async function runCommandLoad(api: ApiEndpoint, plan: WritePlan, options: CommandLoadOptions): Promise<CommandLoadResult> {
  const clients = Array.from({ length: options.clients }, (_, index) => ({
    http: new KeepAliveClient(api.baseUrl, api.authorization),
    targets: plan.take(options.practicesPerClient),
    random: new SeededRandom(1_000 + index),
    sent: 0,
  }));
  const failures = new Map<string, number>();
  const latencies: number[] = [];
  let ok = 0;
  const send = async (client: (typeof clients)[number], timedRun: boolean) => {
    const target: WriteTarget = client.targets[client.sent++ % client.targets.length];
    const command = listSizeCommand(target, client.random);
    const response = await client.http.post(command.path, command.body).catch((error: Error) => ({ status: 0, body: error.message, ms: 0 }));
    if (!timedRun) return;
    if (response.status === 201) {
      ok++;
      latencies.push(response.ms);
    } else {
      const key = `${response.status} ${response.body.slice(0, 160)}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
  };
  try {
    await Promise.all(
      clients.map(async (client) => {
        for (let i = 0; i < options.warmUpPerClient; i++) await send(client, false);
      }),
    );
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        for (let i = 0; i < options.requestsPerClient && Date.now() < options.deadline; i++) await send(client, true);
      }),
    );
    const wallMs = performance.now() - started;
    const failed = [...failures.values()].reduce((sum, n) => sum + n, 0);
    if (failed > 0) say(`commands: ${failed} writes failed, e.g. ${[...failures.keys()][0]}`);
    return {
      ok,
      failed,
      failures,
      wallMs,
      latenciesMs: latencies,
      perSec: perSecond(ok, wallMs),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
    };
  } finally {
    for (const client of clients) client.http.close();
  }
}

/** The command load's warm-up alone (nothing timed): brings a fresh API to the state the timed parts measure. */
export async function warmUpApi(api: ApiEndpoint, plan: WritePlan, options: Omit<CommandLoadOptions, 'requestsPerClient'>): Promise<void> {
  await runCommandLoad(api, plan, { ...options, requestsPerClient: 0 });
}
