import { fsyncSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

/**
 * PGlite runs PostgreSQL with fsync off (`-F`), and its Node file system has no fsync: a commit reaches the OS page
 * cache only. Durable mode (the default; EMBEDDED_FSYNC=off turns it off) starts PostgreSQL with fsync on, flushing
 * its WAL by fsync() (fdatasync() is a no-op in Emscripten), and gives NODEFS an fsync that calls the real one.
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
