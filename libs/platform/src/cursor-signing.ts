import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CURSOR_SECRET_FILE = 'cursor.secret';
const MAC_BYTES = 16;
const MIN_SECRET_LENGTH = 32;

/**
 * SPEC §9: the cursors of GET /practices and GET /feed are tamper-proof. A cursor is its payload and an HMAC-SHA256 of
 * it (128 bits, base64url); a cursor the service did not issue, or issued with a secret it no longer holds, verifies
 * to nothing. Rotation: the first secret signs, every secret verifies, so cursors handed out before a rotation keep
 * working until the old secret is dropped from the list.
 */
export class CursorSigner {
  private readonly secrets: readonly Buffer[];

  constructor(secrets: readonly string[]) {
    if (secrets.length === 0) throw new Error('a cursor signer needs at least one secret');
    this.secrets = secrets.map((secret) => Buffer.from(secret, 'utf8'));
  }

  sign(payload: string): string {
    return `${payload}~${mac(this.secrets[0], payload).toString('base64url')}`;
  }

  /** The payload of a cursor this service signed, else null. */
  verify(cursor: string): string | null {
    const separator = cursor.lastIndexOf('~');
    if (separator <= 0) return null;
    const payload = cursor.slice(0, separator);
    const given = Buffer.from(cursor.slice(separator + 1), 'base64url');
    if (given.length !== MAC_BYTES) return null;
    return this.secrets.some((secret) => timingSafeEqual(mac(secret, payload), given)) ? payload : null;
  }
}

function mac(secret: Buffer, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest().subarray(0, MAC_BYTES);
}

/**
 * The secrets: CURSOR_SECRET (comma-separated, the first signs), else DATA_DIR/cursor.secret (one a line, the first
 * signs), created with mode 0600 on the first start that finds none. Every instance behind one address must hold the
 * same secrets, or a cursor from one is refused by the next: on several machines, set CURSOR_SECRET.
 */
export function loadCursorSigner(dataDir: string | 'memory', env: NodeJS.ProcessEnv = process.env): CursorSigner {
  const fromEnv =
    env.CURSOR_SECRET?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  if (fromEnv.length > 0) return new CursorSigner(checked(fromEnv, 'CURSOR_SECRET'));
  if (dataDir === 'memory') return new CursorSigner([randomBytes(32).toString('hex')]);
  const path = join(dataDir, CURSOR_SECRET_FILE);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it first
    }
  }
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  return new CursorSigner(checked(lines, path));
}

function checked(secrets: string[], source: string): string[] {
  if (secrets.some((s) => s.length < MIN_SECRET_LENGTH))
    throw new Error(`every cursor secret in ${source} must be at least ${MIN_SECRET_LENGTH} characters`);
  return secrets;
}
