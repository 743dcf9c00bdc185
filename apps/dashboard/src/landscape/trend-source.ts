import { ApiProblem, getJson } from '../shared/api.js';
import type { Summary, Trend, TrendPoint } from '../shared/landscape-types.js';

export interface TrendRequest {
  readonly from: string;
  readonly to: string;
  readonly every: 'month' | 'quarter' | 'year';
  readonly knownAt: string;
  readonly commissioner: readonly string[];
}

export interface TrendAnswer extends Trend {
  /** Set when the server had no trend route and the points are single summaries instead. */
  readonly fallbackNote?: string;
}

/** A server without GET /landscape/trend gets at most this many single-date summaries instead. */
const MAX_FALLBACK_DATES = 12;

/** The charts' points: GET /landscape/trend in one request, or, on a server without it, yearly summaries. */
export async function loadTrend(request: TrendRequest): Promise<TrendAnswer> {
  const query = { from: request.from, to: request.to, every: request.every, knownAt: request.knownAt, commissioner: request.commissioner };
  try {
    return await getJson<Trend>('/landscape/trend', query);
  } catch (error) {
    if (!(error instanceof ApiProblem) || (error.status !== 404 && error.status !== 405)) throw error;
  }
  const dates = spreadDates(request.from, request.to, MAX_FALLBACK_DATES);
  // One knownAt for every point, as the trend would use: the first answer's (clamped) instant.
  const first = await getJson<Summary>('/landscape/summary', { asOf: dates[0], knownAt: request.knownAt, commissioner: request.commissioner });
  const rest = await Promise.all(
    dates.slice(1).map((asOf) => getJson<TrendPoint>('/landscape/summary', { asOf, knownAt: first.knownAt, commissioner: request.commissioner })),
  );
  return {
    knownAt: first.knownAt,
    every: 'spread',
    points: [first, ...rest],
    fallbackNote: `This server has no trend route (GET /landscape/trend), so the charts show ${dates.length} single-date summaries spread over the period instead of every ${request.every}.`,
  };
}

function spreadDates(from: string, to: string, n: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const steps = Math.max(1, Math.min(n - 1, Math.round((end - start) / 86_400_000)));
  return [...new Set(Array.from({ length: steps + 1 }, (_, i) => new Date(start + ((end - start) * i) / steps).toISOString().slice(0, 10)))];
}
