import { ApiProblem, getJson, mayReadHistory, type Role } from '../shared/api.js';
import type { HistoryEvent, PracticeHistory, PracticeState } from './practice-types.js';

export interface PracticeReads {
  /** The state on asOf as known at knownAt; null when the practice did not exist then, as far as was known. */
  readonly state: PracticeState | null;
  /** The state on asOf as known now, when a knownAt was asked for. */
  readonly stateNow: PracticeState | null;
  /** The history as known at knownAt (null for a reader, or when nothing was recorded yet). */
  readonly history: PracticeHistory | null;
  /** The history as known now (null for a reader). */
  readonly fullHistory: PracticeHistory | null;
}

async function getState(ods: string, asOf: string, knownAt: string): Promise<PracticeState | null> {
  try {
    return await getJson<PracticeState>(`/practices/${ods}`, { asOf, knownAt });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

/** Whether a history shows the practice opened by the date (a merger or closure still leaves a closed state). */
const openedBy = (events: readonly HistoryEvent[], asOf: string): boolean =>
  events.some((e) => e.type === 'PracticeOpened' && !e.retracted && e.effectiveDate <= asOf);

/**
 * Everything the practice page shows, read before anything is drawn. An auditor's history says beforehand whether
 * the practice existed on the date and had been recorded by the instant, so no read asks for what is not there
 * (a 404 is an error in the browser's console even when the page expects it).
 */
export async function readPractice(ods: string, asOf: string, knownAt: string, role: Role): Promise<PracticeReads> {
  if (!mayReadHistory(role)) {
    const [state, stateNow] = await Promise.all([getState(ods, asOf, knownAt), knownAt ? getState(ods, asOf, '') : null]);
    return { state, stateNow, history: null, fullHistory: null };
  }
  const fullHistory = await getJson<PracticeHistory>(`/practices/${ods}/history`);
  const recordedBy = (at: string) => fullHistory.events.some((e) => e.recordedAt <= at);
  const history = !knownAt ? fullHistory : recordedBy(knownAt) ? await getJson<PracticeHistory>(`/practices/${ods}/history`, { knownAt }) : null;
  const [state, stateNow] = await Promise.all([
    history && openedBy(history.events, asOf) ? getState(ods, asOf, knownAt) : null,
    knownAt && openedBy(fullHistory.events, asOf) ? getState(ods, asOf, '') : null,
  ]);
  return { state, stateNow, history, fullHistory };
}
