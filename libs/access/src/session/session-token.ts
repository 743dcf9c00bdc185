import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a session cookie says: which API key signed in, until when. Never the key itself. */
export interface SessionClaims {
  /** The API key's id (as `keys list` shows it), looked up in the key cache on every request. */
  readonly keyId: string;
  /** Random, so one sign-in can be ended without ending another of the same key. */
  readonly sessionId: string;
  /** Epoch milliseconds after which the cookie is refused whatever the browser does with it. */
  readonly expiresAt: number;
}

const VERSION = 's1';

/**
 * Session tokens: base64url JSON claims and an HMAC-SHA256 over them, so checking one costs a hash, not a database
 * round trip. Anyone holding the secret can mint sessions, so it lives in a 0600 file or the environment.
 */
export class SessionTokens {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error('the session secret must be at least 32 bytes');
  }

  issue(keyId: string, expiresAt: number): { token: string; claims: SessionClaims } {
    const claims: SessionClaims = { keyId, sessionId: randomBytes(12).toString('base64url'), expiresAt };
    const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
    return { token: `${VERSION}.${payload}.${this.mac(payload)}`, claims };
  }

  /** The claims of a token this service issued and that has not expired; null for anything else. */
  verify(token: string, now = Date.now()): SessionClaims | null {
    const [version, payload, mac, ...rest] = token.split('.');
    if (version !== VERSION || !payload || !mac || rest.length > 0) return null;
    const expected = Buffer.from(this.mac(payload), 'base64url');
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = parseClaims(payload);
    return claims && claims.expiresAt > now ? claims : null;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(`${VERSION}.${payload}`).digest('base64url');
  }
}

function parseClaims(payload: string): SessionClaims | null {
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<SessionClaims>;
    if (typeof value.keyId !== 'string' || typeof value.sessionId !== 'string' || typeof value.expiresAt !== 'number') return null;
    return { keyId: value.keyId, sessionId: value.sessionId, expiresAt: value.expiresAt };
  } catch {
    return null;
  }
}
