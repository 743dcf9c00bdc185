import type pg from 'pg';
import type { QueryRunner } from 'typeorm';
import type { PostgresEventStore } from '#event-store';
import { openRuntime, type Runtime } from '#runtime';
import { createServerDatabase, type ServerDatabase } from '../../../../test/support/server-database.js';
import { isSettled, readCheckpoint } from '../../src/projector/checkpoint-store.js';
import { PracticeVersionsProjector } from '../../src/projector/practice-versions.projector.js';
import { PRACTICE_VERSIONS_TABLE } from '../../src/schema/practice-versions.ddl.js';

/** A fresh database on the PostgreSQL server with every migration applied, and the runtime opened on it. */
export interface LandscapeFixture {
  readonly server: ServerDatabase;
  readonly runtime: Runtime;
  readonly store: PostgresEventStore;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

export async function openLandscapeFixture(poolSize = 8): Promise<LandscapeFixture> {
  const server = await createServerDatabase();
  const runtime = await openRuntime({ settings: { url: server.url, dataDir: 'unused' }, poolSize, applicationName: 'landscape-test' });
  return {
    server,
    runtime,
    store: runtime.eventStore,
    pool: runtime.database.pool,
    async close() {
      await runtime.close();
      await server.drop();
    },
  };
}

/** A database of either kind, with every migration applied. */
export type AnyLandscapeFixture = Omit<LandscapeFixture, 'server'>;

/** The same on a fresh embedded database in memory. */
export async function openEmbeddedLandscapeFixture(poolSize = 4): Promise<AnyLandscapeFixture> {
  const runtime = await openRuntime({ settings: { url: null, dataDir: 'memory' }, poolSize, applicationName: 'landscape-test' });
  return { runtime, store: runtime.eventStore, pool: runtime.database.pool, close: () => runtime.close() };
}

/**
 * Steps `projector` until it has applied `events` events and its horizon covers them. A transaction left open
 * anywhere on the server (other databases included: snapshots are cluster-wide) holds log readers back until it
 * ends, so "caught up" is decided by position, never by one pass.
 */
export async function projectThrough(projector: PracticeVersionsProjector, pool: pg.Pool, events: number): Promise<void> {
  for (;;) {
    await projector.catchUp();
    const checkpoint = await readCheckpoint(pool, projector.table);
    if (checkpoint.eventsApplied >= events && isSettled(checkpoint)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** projectThrough for the live table, by a projector of its own. */
export function projectLiveThrough(fixture: AnyLandscapeFixture, events: number): Promise<void> {
  return projectThrough(new PracticeVersionsProjector(fixture.store, fixture.pool, { table: PRACTICE_VERSIONS_TABLE }), fixture.pool, events);
}

/** What a migration's up or down needs of TypeORM's QueryRunner, on a pool: its queries, answered with their rows. */
export function poolQueryRunner(pool: pg.Pool): QueryRunner {
  return { query: (sql: string, params?: unknown[]) => pool.query(sql, params).then((result) => result.rows) } as unknown as QueryRunner;
}
