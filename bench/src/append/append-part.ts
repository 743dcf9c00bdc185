import { openRuntime } from '#runtime';
import { dropBenchDatabase, openBenchDatabase } from '../bench-database.js';
import { EmmettPeer, PEER_NAME } from '../peer/emmett-peer.js';
import { say } from '../progress.js';
import { ratio } from '../stats.js';
import type { BenchReport } from '../report/bench-report.js';
import {
  rawInsertContender,
  rawUnnestContender,
  runAppendBench,
  storeContender,
  storeEventByEventContender,
  storePerStreamContender,
  type AppendContender,
} from './append-bench.js';
import { appendWorkload } from './append-workload.js';

export interface AppendPartOptions {
  readonly serverUrl: string;
  /** Scratch database for the appends (dropped at the end): the national dataset is not touched. */
  readonly scratchName: string;
  readonly measureRawInsert: boolean;
  readonly measurePeer: boolean;
  readonly practices: number;
  readonly eventsPerBatch: number;
  readonly poolSize: number;
  readonly budgetMs: number;
}

export interface AppendPartResult {
  readonly append: BenchReport['append'];
  readonly peer: BenchReport['peer'];
  /** Lines for the human summary that the JSON has no key for. */
  readonly notes: string[];
}

/** Append throughput on the server: the event store against a bare multi-row INSERT and/or Emmett, side by side. */
export async function runAppendPart(options: AppendPartOptions): Promise<AppendPartResult> {
  const deadline = Date.now() + options.budgetMs;
  const workload = await appendWorkload({ practices: options.practices, eventsPerBatch: options.eventsPerBatch, seed: 90_210 });
  say(`append: ${workload.events} generated events in ${workload.batches.length} batches of about ${options.eventsPerBatch}`);
  const scratch = await openBenchDatabase(options.serverUrl, options.scratchName, false);
  const runtime = await openRuntime({
    settings: { url: scratch.url, dataDir: '' },
    poolSize: options.poolSize,
    applicationName: 'gp-register-bench',
  });
  const peer = options.measurePeer ? new EmmettPeer(scratch.url, options.poolSize) : null;
  try {
    const contenders: AppendContender[] = [storeContender(runtime.eventStore), storeEventByEventContender(runtime.eventStore)];
    if (options.measureRawInsert) contenders.push(rawInsertContender(runtime.database.pool), rawUnnestContender(runtime.database.pool));
    if (peer) {
      contenders.push({ name: 'emmett', prepare: () => peer.prepare(), append: (batch) => peer.appendBatch(batch) });
      contenders.push(storePerStreamContender(runtime.eventStore));
      contenders.push({
        name: 'emmett, one append per stream (sequential)',
        append: async (batch) => {
          for (const a of batch) await peer.appendStream(a);
        },
      });
      contenders.push({
        name: 'event store, one append per stream (sequential)',
        append: async (batch) => {
          for (const a of batch) await runtime.eventStore.append([a]);
        },
      });
    }
    const results = await runAppendBench(contenders, workload, { warmUpBatches: 2, deadline });
    for (const r of results) say(`append: ${r.name}: ${r.events} events in ${r.ms.toFixed(0)} ms = ${Math.round(r.eventsPerSec ?? 0)} events/s`);
    const rate = (name: string) => results.find((r) => r.name === name)?.eventsPerSec ?? null;
    const store = rate('event store');
    const raw = rate('raw multi-row INSERT');
    const emmett = rate('emmett');
    const notes = results.map((r) => `${r.name}: ${Math.round(r.eventsPerSec ?? 0)} events/s`);
    if (peer) {
      notes.push(
        `per-stream appends, concurrent: store/emmett ratio ${fmt(ratio(rate('event store, one append per stream'), emmett))}; ` +
          `sequential: ${fmt(ratio(rate('event store, one append per stream (sequential)'), rate('emmett, one append per stream (sequential)')))}`,
      );
    }
    return {
      append: options.measureRawInsert
        ? { eventsPerSec: store, rawInsertEventsPerSec: raw, ratio: ratio(store, raw) }
        : { eventsPerSec: store, rawInsertEventsPerSec: null, ratio: null },
      peer: peer
        ? { name: PEER_NAME, appendEventsPerSec: emmett, appendRatio: ratio(store, emmett) }
        : { name: null, appendEventsPerSec: null, appendRatio: null },
      notes,
    };
  } finally {
    await peer?.close();
    await runtime.close();
    await dropBenchDatabase(options.serverUrl, scratch.name);
  }
}

const fmt = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));
