import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiKeyRegistry } from './api-key-registry.js';

export const ADMIN_KEY_FILE = 'admin.key';

/**
 * SPEC §7: the first start of the embedded database with no keys at all writes an admin key to DATA_DIR/admin.key,
 * readable by its owner only. Returns the file's path when it wrote one, null when keys already exist.
 */
export async function writeFirstAdminKey(registry: ApiKeyRegistry, dataDir: string): Promise<string | null> {
  if ((await registry.count()) > 0) return null;
  const path = join(dataDir, ADMIN_KEY_FILE);
  const issued = await registry.create({ name: 'admin', role: 'admin', createdBy: 'first-start' });
  // A file left from an earlier database holds a dead key. A mode applies only as a file is created, so create anew.
  rmSync(path, { force: true });
  writeFileSync(path, `${issued.key}\n`, { mode: 0o600, flag: 'wx' });
  return path;
}
