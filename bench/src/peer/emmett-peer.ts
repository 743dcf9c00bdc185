import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, type PostgresEventStore as EmmettEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import type { AppendBatch } from '../append/append-workload.js';

export const PEER_NAME = '@event-driven-io/emmett-postgresql 0.42.0';

/**
 * Emmett's PostgreSQL event store on the same database, through its own pool of the same size as ours. Emmett appends
 * one stream per call (there is no multi-stream append), so a batch is its streams' appends, run concurrently.
 */
export class EmmettPeer {
  private readonly pool: pg.Pool;
  private readonly store: EmmettEventStore;

  constructor(url: string, poolSize: number) {
    this.pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'gp-register-bench-emmett' });
    // The scratch database is dropped WITH (FORCE) at the end: a connection Emmett still holds idle then ends with an
    // error, which a pool without a listener throws, ending the whole run (seen once, after the append part).
    this.pool.on('error', () => undefined);
    this.store = getPostgreSQLEventStore(url, { connectionOptions: { pool: this.pool } });
  }

  /** Creates Emmett's schema (its first append would otherwise do it inside the timing). */
  async prepare(): Promise<void> {
    await this.store.schema.migrate();
  }

  async appendBatch(batch: AppendBatch): Promise<void> {
    await Promise.all(batch.map((append) => this.appendStream(append)));
  }

  /** One stream's events as one Emmett append (the per-stream comparison). */
  async appendStream(append: AppendBatch[number]): Promise<void> {
    await this.store.appendToStream(
      append.streamId,
      append.events.map((event) => ({
        type: event.type,
        data: event.data as Record<string, unknown>,
        // Emmett has no columns for these: they ride in its metadata, so both stores keep the same facts per row.
        metadata: { ...event.metadata, eventId: event.eventId, effectiveDate: event.effectiveDate, schemaVersion: event.schemaVersion ?? 1 },
      })),
      { expectedStreamVersion: append.expectedVersion === 0 ? STREAM_DOES_NOT_EXIST : BigInt(append.expectedVersion) },
    );
  }

  async close(): Promise<void> {
    await this.store.close().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
