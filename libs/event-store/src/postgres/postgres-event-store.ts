import type pg from 'pg';
import {
  EventStore,
  type AppendOptions,
  type AppendResult,
  type Backlog,
  type EventWithoutMetadata,
  type LogCursor,
  type ReadAllResult,
  type RecordedEvent,
  type SettledStreamRead,
  type StreamAppend,
  type StreamRead,
} from '../event-store.port.js';
import { EventUpcasters } from '../upcasting/event-upcasters.js';
import { NotificationSignal } from './notification-signal.js';
import { APPENDED_CHANNEL, appendAtomically, findIdempotentResult, replay, type IdempotencySettings } from './append-transaction.js';
import { IdempotencyPruner, idempotencyTtlSecondsFromEnv } from './idempotency-pruning.js';
import {
  EVENT_COLUMNS,
  READ_STREAM_AFTER_SQL,
  toEventWithoutMetadata,
  toRecordedEvent,
  type EventRow,
  type EventRowWithoutMetadata,
} from './event-row.js';
import { hotStatement } from './hot-statement.js';
import { readStreamSettled } from './settled-stream-read.js';
import { BACKLOG_SQL, READ_ALL_SQL, READ_ALL_WITHOUT_METADATA_SQL, STABLE_HORIZON_SQL } from './read-all.sql.js';

export interface PostgresEventStoreOptions {
  /** Upgrades stored events of older schema versions on every read. */
  readonly upcasters?: EventUpcasters;
  /** True for the embedded PGlite (no LISTEN/NOTIFY there); detected with `SELECT version()` when left out. */
  readonly embedded?: boolean;
  /** How long idempotency keys are kept (default IDEMPOTENCY_TTL_HOURS, else 24 hours). */
  readonly idempotencyTtlSeconds?: number;
}

const READ_STREAMS_SQL = `
SELECT ${EVENT_COLUMNS}
  FROM event_store.events e
 WHERE e.stream_id = ANY($1::text[])
 ORDER BY e.stream_id, e.stream_version`;

/** A horizon can be momentarily unknown (the oldest writer ended between snapshot and lookup); asking again settles it. */
const HORIZON_ATTEMPTS = 3;

/** The event store on PostgreSQL (a server, or the embedded PGlite served through a socket). Call close() when done. */
export class PostgresEventStore extends EventStore {
  private readonly upcasters: EventUpcasters;
  private readonly signal: NotificationSignal;
  private embedded: Promise<boolean> | null;
  private readonly idempotency: IdempotencySettings;
  readonly idempotencyPruner: IdempotencyPruner;

  constructor(
    private readonly pool: pg.Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    super();
    this.upcasters = options.upcasters ?? new EventUpcasters();
    this.embedded = options.embedded === undefined ? null : Promise.resolve(options.embedded);
    this.idempotency = { ttlSeconds: options.idempotencyTtlSeconds ?? idempotencyTtlSecondsFromEnv() };
    this.idempotencyPruner = new IdempotencyPruner(pool, this.idempotency.ttlSeconds);
    this.signal = new NotificationSignal(pool, APPENDED_CHANNEL, async () => !(await this.isEmbedded()));
  }

  async readStream(streamId: string): Promise<StreamRead> {
    const streams = await this.readStreams([streamId]);
    return streams.get(streamId) ?? { streamId, version: 0, events: [] };
  }

  async readStreamAfter(streamId: string, afterVersion: number): Promise<StreamRead> {
    const embedded = await this.isEmbedded();
    const { rows } = await this.pool.query<EventRow>(
      hotStatement(embedded, 'event-store-read-stream-after', READ_STREAM_AFTER_SQL, [streamId, afterVersion]),
    );
    const events = rows.map((row) => this.upcast(toRecordedEvent(row)));
    return { streamId, version: events.at(-1)?.streamVersion ?? afterVersion, events };
  }

  async readStreams(streamIds: readonly string[]): Promise<Map<string, StreamRead>> {
    const { rows } = await this.pool.query<EventRow>(READ_STREAMS_SQL, [[...new Set(streamIds)]]);
    const events = new Map<string, RecordedEvent[]>(streamIds.map((id) => [id, []]));
    for (const row of rows) events.get(row.stream_id)?.push(this.upcast(toRecordedEvent(row)));
    return new Map([...events].map(([streamId, list]) => [streamId, { streamId, version: list.at(-1)?.streamVersion ?? 0, events: list }]));
  }

  readStreamSettled(streamId: string): Promise<SettledStreamRead> {
    return readStreamSettled(this.pool, streamId, (event) => this.upcast(event));
  }

  async append(appends: readonly StreamAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    const result = await appendAtomically(this.pool, appends, options, await this.isEmbedded(), this.idempotency);
    if (options.idempotencyKey !== undefined) this.idempotencyPruner.maybePrune();
    if (!result.replayed) this.signal.notify();
    return result;
  }

  async findIdempotentResult(key: string, fingerprint?: string, principal = ''): Promise<AppendResult | null> {
    const stored = await findIdempotentResult(this.pool, principal, key, this.idempotency);
    return stored ? replay(this.pool, stored, key, fingerprint ?? null) : null;
  }

  readAll(after: LogCursor | null, limit: number): Promise<ReadAllResult> {
    return this.readPage(after, limit, 'event-store-read-all', READ_ALL_SQL, toRecordedEvent);
  }

  readAllWithoutMetadata(after: LogCursor | null, limit: number): Promise<ReadAllResult<EventWithoutMetadata>> {
    return this.readPage(after, limit, 'event-store-read-all-without-metadata', READ_ALL_WITHOUT_METADATA_SQL, toEventWithoutMetadata);
  }

  private async readPage<R extends EventRowWithoutMetadata, E extends EventWithoutMetadata>(
    after: LogCursor | null,
    limit: number,
    name: string,
    sql: string,
    toEvent: (row: R) => E,
  ): Promise<ReadAllResult<E>> {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`readAll limit must be a positive integer, got ${limit}`);
    const embedded = await this.isEmbedded();
    const { rows } = await this.pool.query<Partial<R> & { stable_horizon: string | null }>(
      hotStatement(embedded, name, sql, [after?.transactionId ?? '0', after?.position ?? '0', limit + 1]),
    );
    const stableHorizon = rows[0]?.stable_horizon ?? null;
    const page = rows.filter((row) => row.event_id != null) as unknown as R[];
    const events = page.slice(0, limit).map((row) => this.upcast(toEvent(row)));
    const last = events.at(-1);
    return {
      events,
      cursor: last ? { transactionId: last.transactionId, position: last.position } : after,
      stableHorizon,
      hasMore: page.length > limit,
    };
  }

  async backlog(after: LogCursor | null, limit: number): Promise<Backlog> {
    const { rows } = await this.pool.query<{ events: number; oldest_recorded_at: Date | null }>(BACKLOG_SQL, [
      after?.transactionId ?? '0',
      after?.position ?? '0',
      limit + 1,
    ]);
    const { events, oldest_recorded_at: oldest } = rows[0];
    return { events: Math.min(events, limit), atLeast: events > limit, oldestRecordedAt: oldest?.toISOString() ?? null };
  }

  waitForAppend(maxWaitMs: number, signal?: AbortSignal): Promise<void> {
    return this.signal.wait(maxWaitMs, signal);
  }

  /** Opens the LISTEN connection now rather than on the first wait, so no other process's append is missed. */
  listenForAppends(): Promise<void> {
    return this.signal.ready();
  }

  async stableHorizon(): Promise<string | null> {
    for (let attempt = 1; attempt <= HORIZON_ATTEMPTS; attempt++) {
      const { rows } = await this.pool.query<{ stable_horizon: string | null }>(STABLE_HORIZON_SQL);
      if (rows[0].stable_horizon !== null) return rows[0].stable_horizon;
    }
    return null;
  }

  /** Stops listening for other processes' appends. The pool stays open: it belongs to the caller. */
  close(): Promise<void> {
    return this.signal.close();
  }

  private upcast<E extends EventWithoutMetadata>(event: E): E {
    return this.upcasters.isEmpty ? event : this.upcasters.upcast(event);
  }

  private isEmbedded(): Promise<boolean> {
    this.embedded ??= this.pool
      .query<{ version: string }>('SELECT version()')
      .then(({ rows }) => rows[0].version.includes('PGlite'))
      .catch((error: unknown) => {
        this.embedded = null;
        throw error;
      });
    return this.embedded;
  }
}
