import { SeededRandom } from '#demo-history';
import type { ApiEndpoint } from '../api/bench-keys.js';
import { KeepAliveClient } from '../api/http-client.js';
import { listSizeCommand, type WriteTarget } from '../commands/write-plan.js';

import { percentile } from '../stats.js';

export interface LagResult {
  readonly samples: readonly number[];
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  /** Reads that answered but did not show the write (should be 0: minPosition promises read-your-writes). */
  readonly stale: number;
  /** Writes or reads that failed (e.g. 503: the projection did not reach the position within 5 s). */
  readonly failed: number;
}

/**
 * Write, then read the same practice with the write's `position` as `minPosition` (the API holds the read until its
 * projection has the write, up to 5 s): the lag is from the write's response to the read's response showing the new
 * list size. Runs back to back on practices of its own until `until` resolves.
 */
export async function probeLag(api: ApiEndpoint, targets: readonly WriteTarget[], until: Promise<unknown>, maxSamples: number): Promise<LagResult> {
  const client = new KeepAliveClient(api.baseUrl, api.authorization);
  const random = new SeededRandom(4_242);
  const samples: number[] = [];
  let stale = 0;
  let failed = 0;
  let finished = false;
  void until.finally(() => (finished = true));
  try {
    for (let i = 0; !finished && samples.length < maxSamples; i++) {
      const target = targets[i % targets.length];
      const command = listSizeCommand(target, random);
      const write = await client.post(command.path, command.body);
      const written = performance.now();
      if (write.status !== 201) {
        failed++;
        continue;
      }
      const position = (JSON.parse(write.body) as { position: string }).position;
      const read = await client.get(`/practices/${target.odsCode}?asOf=${command.body.effectiveDate}&minPosition=${encodeURIComponent(position)}`);
      const visible = performance.now();
      if (read.status !== 200) {
        failed++;
        continue;
      }
      if ((JSON.parse(read.body) as { registeredPatients: number }).registeredPatients !== command.body.registeredPatients) {
        stale++;
        continue;
      }
      samples.push(visible - written);
    }
    return { samples, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), stale, failed };
  } finally {
    client.close();
  }
}
