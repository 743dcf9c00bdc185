import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'register.lock';

/** Another process holds DATA_DIR: two PostgreSQL instances on one set of files would corrupt them. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
    holder: string,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${holderPid} (${holder}). Stop that process first ` +
        '(the API or the projector: npm start stops with Ctrl-C), or run every process against a PostgreSQL server with ' +
        'DATABASE_URL=postgres://…',
    );
  }
}

interface LockContent {
  readonly pid: number;
  readonly app: string;
  readonly since: string;
}

export interface DataDirLock {
  release(): void;
}

/**
 * Holds DATA_DIR for this process: a lock file created exclusively, naming the pid. A lock whose process is gone
 * (killed, crashed) is taken over; a live holder's is refused with its pid and what to do.
 */
export function lockDataDir(dataDir: string, app: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, app, since: new Date().toISOString() } satisfies LockContent));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = readLock(path);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) throw new DataDirInUseError(dataDir, holder.pid, holder.app);
      rmSync(path, { force: true });
    }
  }
  const release = () => {
    if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return { release };
}

function readLock(path: string): LockContent | null {
  try {
    const content = JSON.parse(readFileSync(path, 'utf8')) as LockContent;
    return Number.isInteger(content.pid) ? content : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
