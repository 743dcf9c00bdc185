import { randomUUID } from 'node:crypto';
import { openRuntime } from '#runtime';
import { dropBenchDatabase, openBenchDatabase, timestampedName } from '../bench-database.js';
import { perSecond } from '../stats.js';

export interface StoreAppendOptions {
  readonly clients: number;
  readonly requestsPerClient: number;
  readonly practicesPerClient: number;
  readonly warmUpPerClient: number;
  readonly deadline: number;
}

/** The API's pool on a server (libs/platform): the store gets the connections the API would give it. */
const API_POOL_SIZE = 20;

/**
 * The event store's own rate for what a command appends, at the command load's concurrency: `clients` workers, each
 * appending one event at a time to streams of its own with the version it expects, on a scratch database. Commands/s
 * divided by this is what the HTTP path, authentication, validation and the decider cost on top of the store.
 */
export async function measureStoreAppendRate(serverUrl: string, options: StoreAppendOptions): Promise<number | null> {
  const scratch = await openBenchDatabase(serverUrl, timestampedName('bench_store'), false);
  const runtime = await openRuntime({ settings: { url: scratch.url, dataDir: '' }, poolSize: API_POOL_SIZE, applicationName: 'gp-register-bench' });
  try {
    const workers = Array.from({ length: options.clients }, (_, client) => ({
      streams: Array.from({ length: options.practicesPerClient }, (_, i) => ({
        streamId: `practice-S${String(client * 100 + i).padStart(5, '0')}`,
        version: 0,
      })),
      sent: 0,
    }));
    const append = async (worker: (typeof workers)[number]) => {
      const stream = worker.streams[worker.sent++ % worker.streams.length];
      const event = {
        eventId: randomUUID(),
        type: 'ListSizeRecorded',
        data: { registeredPatients: 5_000 + worker.sent },
        effectiveDate: '2020-01-01',
        metadata: { recordedBy: 'bench', correlationId: randomUUID(), causationId: null },
      };
      await runtime.eventStore.append([{ streamId: stream.streamId, expectedVersion: stream.version, events: [event] }]);
      stream.version++;
    };
    const run = (count: number) =>
      Promise.all(
        workers.map(async (worker) => {
          for (let i = 0; i < count && Date.now() < options.deadline; i++) await append(worker);
        }),
      );
    await run(options.warmUpPerClient);
    const before = workers.reduce((sum, w) => sum + w.sent, 0);
    const started = performance.now();
    await run(options.requestsPerClient);
    return perSecond(workers.reduce((sum, w) => sum + w.sent, 0) - before, performance.now() - started);
  } finally {
    await runtime.close();
    await dropBenchDatabase(serverUrl, scratch.name);
  }
}
