import { SeededRandom } from '#demo-history';
import type { EventStore } from '#event-store';
import type { ApiEndpoint } from '../api/bench-keys.js';
import { KeepAliveClient } from '../api/http-client.js';
import type { LogFacts, PracticeFacts } from '../dataset/practice-facts.js';
import { say } from '../progress.js';
import type { AsOfFigures } from '../report/bench-report.js';
import { addDays, randomDate, today } from '../seeded-random.js';
import { median, percentile, ratio, timed } from '../stats.js';
import { comparableApiSummary, naiveFoldSummary } from './naive-fold-summary.js';

export interface AsOfOptions {
  readonly summarySamples: number;
  readonly practiceSamples: number;
  readonly bitemporalSamples: number;
  readonly trendSamples: number;
  readonly trendWarmUp: number;
  readonly naiveRuns: number;
  readonly warmUp: number;
  /** Each kind of question gets its own share of the time: a slow one cannot starve the others. */
  readonly budgetMsPerKind: number;
  readonly historyStart: string;
}

export interface AsOfReads {
  readonly summary: readonly number[];
  readonly practice: readonly number[];
  readonly bitemporal: readonly number[];
  readonly trend: readonly number[];
  /** Summaries the API gave, for the naive fold to answer again (possibly later, e.g. once the API has stopped). */
  readonly naiveQuestions: readonly NaiveQuestion[];
}

export interface NaiveQuestion {
  readonly asOf: string;
  readonly knownAt: string;
  readonly expected: ReturnType<typeof comparableApiSummary>;
}

/** The national trend the performance issue names: 100 quarterly dates, from a random month over 2001-2004. */
const TREND_POINTS = 100;

/**
 * Reads at random dates, one request at a time (latency, not throughput), over HTTP against the API: the landscape
 * summary, single practices, the summary with a past knownAt, and a trend of 100 quarters.
 */
export async function runAsOfReads(api: ApiEndpoint, facts: LogFacts, options: AsOfOptions): Promise<AsOfReads> {
  const client = new KeepAliveClient(api.baseUrl, api.authorization);
  const random = new SeededRandom(2_004);
  try {
    const summaryPath = () => `/landscape/summary?asOf=${randomDate(random, options.historyStart, today())}`;
    const summary = await sample(client, 'summary', summaryPath, options.summarySamples, options);
    const practicePath = () => {
      const practice = random.pick(facts.practices);
      return `/practices/${practice.odsCode}?asOf=${randomDate(random, practice.openedOn, lastOpenDay(practice))}`;
    };
    const practice = await sample(client, 'practice', practicePath, options.practiceSamples, options);
    const bitemporalPath = () =>
      `/landscape/summary?asOf=${randomDate(random, options.historyStart, today())}&knownAt=${randomInstant(random, facts.firstRecordedAt, facts.lastRecordedAt)}`;
    const bitemporal = await sample(client, 'bitemporal summary', bitemporalPath, options.bitemporalSamples, options);
    const trendPath = () => {
      const from = `${randomDate(random, addDays(options.historyStart, -3 * 365), options.historyStart).slice(0, 7)}-01`;
      return `/landscape/trend?from=${from}&to=${addMonths(from, 3 * (TREND_POINTS - 1))}&every=quarter`;
    };
    const trend = await sample(client, `trend of ${TREND_POINTS} quarters`, trendPath, options.trendSamples, {
      ...options,
      warmUp: options.trendWarmUp,
    });
    const naiveQuestions: NaiveQuestion[] = [];
    for (let run = 0; run < options.naiveRuns; run++) {
      const asOf = randomDate(random, options.historyStart, today());
      const answer = JSON.parse((await client.get(`/landscape/summary?asOf=${asOf}`)).body);
      naiveQuestions.push({ asOf, knownAt: answer.knownAt, expected: comparableApiSummary(answer) });
    }
    return { summary, practice, bitemporal, trend, naiveQuestions };
  } finally {
    client.close();
  }
}

/** Folds the whole log for each question the API answered, and checks both gave the same figures. */
export async function runNaiveFolds(store: EventStore, questions: readonly NaiveQuestion[], notes: string[]): Promise<number | null> {
  const durations: number[] = [];
  for (const question of questions) {
    const { result, ms } = await timed(() => naiveFoldSummary(store, question.asOf, question.knownAt));
    durations.push(ms);
    const mismatched = Object.entries(question.expected).filter(([key, value]) => result[key as keyof NaiveQuestion['expected']] !== value);
    const check = mismatched.length === 0 ? 'same figures as the API' : `DIFFERS from the API in ${mismatched.map(([k]) => k).join(', ')}`;
    say(`asOf: naive fold at ${question.asOf}: ${ms.toFixed(0)} ms, ${result.open} open practices, ${check}`);
    notes.push(`naive fold of the whole log at asOf ${question.asOf}: ${(ms / 1000).toFixed(1)} s, ${check}`);
  }
  return median(durations);
}

export function asOfFigures(reads: AsOfReads, naiveMs: number | null): AsOfFigures {
  const summaryP50 = median(reads.summary);
  return {
    summaryP50Ms: summaryP50,
    summaryP99Ms: percentile(reads.summary, 99),
    practiceP50Ms: median(reads.practice),
    bitemporalSummaryP50Ms: median(reads.bitemporal),
    naiveFoldSummaryMs: naiveMs,
    speedupVsNaive: ratio(naiveMs, summaryP50),
    trendP50Ms: median(reads.trend),
    trendVsSummary: ratio(median(reads.trend), summaryP50),
  };
}

async function sample(
  client: KeepAliveClient,
  what: string,
  path: () => string,
  count: number,
  options: Pick<AsOfOptions, 'warmUp' | 'budgetMsPerKind'>,
): Promise<number[]> {
  const deadline = Date.now() + options.budgetMsPerKind;
  for (let i = 0; i < options.warmUp; i++) await client.get(path());
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  for (let i = 0; i < count && Date.now() < deadline; i++) {
    const response = await client.get(path());
    if (response.status === 200 || response.status === 404) latencies.push(response.ms);
    else failures.set(response.status, (failures.get(response.status) ?? 0) + 1);
  }
  const p50 = median(latencies);
  say(`asOf: ${what}: ${latencies.length} reads, p50 ${p50?.toFixed(2)} ms, p99 ${percentile(latencies, 99)?.toFixed(2)} ms`);
  if (failures.size > 0) say(`asOf: ${what}: failures by status ${JSON.stringify(Object.fromEntries(failures))}`);
  if (latencies.length < count) say(`asOf: ${what}: time budget reached after ${latencies.length} of ${count} reads`);
  return latencies;
}

/** The last day the practice existed: the day before its closure, or today. */
function lastOpenDay(practice: PracticeFacts): string {
  if (practice.endedOn === null) return today();
  const dayBefore = addDays(practice.endedOn, -1);
  return dayBefore < practice.openedOn ? practice.openedOn : dayBefore;
}

/** The first of a month plus whole months (day 1, so no month-end clamping). */
function addMonths(firstOfMonth: string, months: number): string {
  const date = new Date(`${firstOfMonth}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

function randomInstant(random: SeededRandom, from: string, to: string): string {
  const start = Date.parse(from);
  const end = Date.parse(to);
  return new Date(start + Math.floor(random.next() * Math.max(1, end - start))).toISOString();
}
