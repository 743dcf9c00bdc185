/**
 * Sizes and time budgets of every part. Chosen so that `npm run bench` (all parts) finishes within about 20 minutes on a
 * 2-core machine; each part stops at its budget and reports what it measured until then.
 */
export const BENCH_CONFIG = {
  dataset: { practices: 7_500, seed: 1, fromYear: 2004 },
  // The national rebuild and the API's catch-up each run this many times, alternating: the ratios over them are
  // medians', not one run's (the rebuild varied by ±13% in a day on one machine).
  national: { runs: 3 },
  append: { practices: 360, eventsPerBatch: 1_000, poolSize: 8, budgetMs: 120_000 },
  api: { startTimeoutMs: 120_000, logLevel: 'info' },
  // A fresh API's optimizing compiler is busy for its first ~3,000 requests (V8's --trace-opt: 570 compilations in the
  // first 500 writes, 178, 122, 106, 74 in the next 500s, then 30 or fewer), on the same 2 cores as the load: the
  // timed part starts after 200 writes a client (3,200 in all) to measure the running service, not its warm-up.
  commands: { clients: 16, requestsPerClient: 400, practicesPerClient: 8, warmUpPerClient: 200, budgetMs: 90_000 },
  // 500 writes a client keep the load up for about 12 s: some 150 probes, so p99 is not simply the slowest of a few dozen.
  lag: { clients: 16, requestsPerClient: 500, practicesPerClient: 8, maxSamples: 1_000, budgetMs: 60_000 },
  // A national trend reads the whole history once (seconds on a busy 2-core machine), hence few samples and one warm-up.
  asOf: {
    summarySamples: 200,
    practiceSamples: 1_000,
    bitemporalSamples: 60,
    trendSamples: 30,
    trendWarmUp: 1,
    naiveRuns: 1,
    warmUp: 5,
    budgetMsPerKind: 45_000,
    historyStart: '2004-04-01',
  },
  embedded: {
    practices: 300,
    // Its rebuild and its catch-up each take about 3 s, varying by ±15% run to run here: each figure is a median.
    runs: 3,
    append: { practices: 120, eventsPerBatch: 1_000, poolSize: 4, budgetMs: 60_000 },
    asOf: {
      summarySamples: 100,
      practiceSamples: 300,
      bitemporalSamples: 30,
      trendSamples: 30,
      trendWarmUp: 1,
      naiveRuns: 1,
      warmUp: 3,
      budgetMsPerKind: 20_000,
      historyStart: '2004-04-01',
    },
  },
} as const;

export const PARTS = ['append', 'peer', 'rebuild', 'proof', 'commands', 'lag', 'asof', 'embedded'] as const;
export type Part = (typeof PARTS)[number];
