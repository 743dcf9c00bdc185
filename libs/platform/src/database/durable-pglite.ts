import { fsyncSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

/**
 * PGlite (0.5.14) runs PostgreSQL with fsync off (`-F` among its default start parameters), and even with fsync on
 * its Node file system (Emscripten's NODEFS) has no fsync: the call returns without touching the disk. A commit then
 * reaches the OS page cache only, so a process crash (SIGKILL) loses nothing but an OS crash or power cut can lose
 * the last seconds of acknowledged writes.
 *
 * Durable mode: PostgreSQL with fsync on, its WAL flushed by fsync() (fdatasync() is a no-op in Emscripten), and
 * NODEFS given an fsync that calls the real one: one fsync per commit. Measured on this project's machines (loaded by
 * other work at the time): raw single-row commits 1,055/s without and 207/s with it; the API's commands (8 clients)
 * 50 and 98/s without, 60 and 65/s with; importing the ODS fixture 16.1 and 17.3 s without, 17.9 and 14.6 s with.
 * Within 2x, so it is the default (EMBEDDED_FSYNC=off turns it off).
 */
export function durableStartParams(): string[] {
  return [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'wal_sync_method=fsync'];
}

interface NodeFsStream {
  readonly nfd: number;
}

interface EmscriptenModule {
  readonly FS: { readonly filesystems: { readonly NODEFS?: { stream_ops: { fsync?: (stream: NodeFsStream) => number } } } };
}

/**
 * Gives NODEFS a real fsync, then checkpoints so that whatever was written before (a new database's files, recovery
 * at start) is on disk too.
 */
export async function flushCommitsToDisk(db: PGlite): Promise<void> {
  const module = (db as unknown as { mod?: EmscriptenModule }).mod;
  const nodefs = module?.FS.filesystems.NODEFS;
  if (!nodefs) throw new Error('PGlite internals changed (no NODEFS): review libs/platform/src/database/durable-pglite.ts');
  nodefs.stream_ops.fsync = (stream) => {
    fsyncSync(stream.nfd);
    return 0;
  };
  await db.exec('CHECKPOINT');
}
