import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SESSION_SECRET_FILE = 'session.key';

/**
 * The key that signs session cookies: SESSION_SECRET (base64, at least 32 bytes) when set, as instances behind a load
 * balancer must share it; otherwise DATA_DIR/session.key, made with mode 0600 on the first start that finds none.
 */
export function sessionSecretFrom(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  const fromEnv = env.SESSION_SECRET?.trim();
  if (fromEnv) {
    const secret = Buffer.from(fromEnv, 'base64');
    if (secret.length < 32) throw new Error('SESSION_SECRET must be at least 32 bytes, base64-encoded (openssl rand -base64 32)');
    return secret;
  }
  const path = join(dataDir, SESSION_SECRET_FILE);
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // 'wx': should another process have just written one, fail rather than overwrite the key its cookies carry.
  writeFileSync(path, `${secret.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return secret;
}

/** A secret that lives as long as the process (tests, benchmarks): sessions die with it. */
export const ephemeralSessionSecret = (): Buffer => randomBytes(32);
