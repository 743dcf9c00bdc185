import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface DashboardFile {
  readonly body: Buffer;
  readonly gzipped: Buffer;
  readonly type: string;
  readonly etag: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.json': 'application/json',
};

/**
 * The built dashboard held in memory with its gzip beside it: a few hundred kB, read once at start, so serving a
 * file is a map lookup. Built by `npm run build` into dist/ui; null when it has not been built.
 */
export function loadDashboardFiles(dir: string): Map<string, DashboardFile> | null {
  if (!existsSync(join(dir, 'index.html'))) return null;
  const files = new Map<string, DashboardFile>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const body = readFileSync(path);
    const name = path.slice(dir.length).replace(/^\/+/, '');
    files.set(name, {
      body,
      gzipped: gzipSync(body, { level: 9 }),
      type: TYPES[extname(name)] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    });
  }
  return files;
}
