import type pg from 'pg';

/** What the load and query parts need to know about each practice to ask valid questions. */
export interface PracticeFacts {
  readonly odsCode: string;
  readonly openedOn: string;
  /** Effective date of its closure or merger, null while open. */
  readonly endedOn: string | null;
  /** Latest effective date on its stream: writes dated after it are never retroactive. */
  readonly lastDate: string;
}

export interface LogFacts {
  readonly practices: readonly PracticeFacts[];
  readonly firstRecordedAt: string;
  readonly lastRecordedAt: string;
}

const PRACTICE_FACTS_SQL = `
SELECT substr(stream_id, length('practice-') + 1) AS ods_code,
       min(effective_date) FILTER (WHERE type = 'PracticeOpened') AS opened_on,
       min(effective_date) FILTER (WHERE type IN ('PracticeClosed', 'PracticeMerged')) AS ended_on,
       max(effective_date) AS last_date
  FROM event_store.events
 WHERE stream_id LIKE 'practice-%'
 GROUP BY stream_id
 ORDER BY stream_id`;

const RECORDED_RANGE_SQL = `
SELECT to_char(min(recorded_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS first,
       to_char(max(recorded_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last
  FROM event_store.events`;

export async function readLogFacts(pool: pg.Pool): Promise<LogFacts> {
  const [facts, range] = await Promise.all([
    pool.query<{ ods_code: string; opened_on: string | null; ended_on: string | null; last_date: string }>(PRACTICE_FACTS_SQL),
    pool.query<{ first: string; last: string }>(RECORDED_RANGE_SQL),
  ]);
  return {
    practices: facts.rows
      .filter((row) => row.opened_on !== null)
      .map((row) => ({ odsCode: row.ods_code, openedOn: row.opened_on!, endedOn: row.ended_on, lastDate: row.last_date })),
    firstRecordedAt: range.rows[0].first,
    lastRecordedAt: range.rows[0].last,
  };
}

export const openPractices = (facts: LogFacts): PracticeFacts[] => facts.practices.filter((p) => p.endedOn === null);
