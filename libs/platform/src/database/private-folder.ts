import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes `folder` readable by its owner only (folders 0700, files 0600), including what an earlier version left more
 * open, and has this process create files that way from now on (umask 077).
 */
export function makePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  process.umask(0o077);
  restrict(folder);
}

/** Folders 0700 and files 0600 again: PGlite lays out a new database's files with mode 0666 whatever the umask. */
export function restrict(folder: string): void {
  chmodSync(folder, 0o700);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) restrict(path);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}
