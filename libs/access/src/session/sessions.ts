import { ApiKeyCache } from '../api-keys/api-key-cache.js';
import { looksLikeApiKey } from '../api-keys/api-key-secret.js';
import type { Principal } from '../principal.js';
import { SessionTokens, type SessionClaims } from './session-token.js';

/** A working day; SESSION_TTL_HOURS changes it. */
const DEFAULT_TTL_HOURS = 8;

export interface SessionSettings {
  readonly secret: Buffer;
  readonly ttlHours?: number;
}

export const sessionTtlHoursFromEnv = (env: NodeJS.ProcessEnv = process.env): number | undefined => {
  const hours = Number(env.SESSION_TTL_HOURS);
  return env.SESSION_TTL_HOURS && Number.isFinite(hours) && hours > 0 ? hours : undefined;
};

/**
 * Dashboard sessions (SPEC §10): an API key signs in once, and its cookie then stands for that key until it expires,
 * is ended, or the key is revoked or expires (checked against the key cache on every request).
 */
export class Sessions {
  private readonly tokens: SessionTokens;
  readonly ttlSeconds: number;
  /** Sessions ended on this instance, until they would have expired anyway. */
  private readonly ended = new Map<string, number>();

  constructor(
    private readonly keys: ApiKeyCache,
    settings: SessionSettings,
  ) {
    this.tokens = new SessionTokens(settings.secret);
    this.ttlSeconds = Math.round((settings.ttlHours ?? DEFAULT_TTL_HOURS) * 3600);
  }

  /** A new session's token for a usable API key, or null for a key that is not one. */
  async signIn(secret: string, now = Date.now()): Promise<{ token: string; claims: SessionClaims } | null> {
    if (!looksLikeApiKey(secret)) return null;
    const key = await this.keys.usableKey(secret, new Date(now));
    return key && this.tokens.issue(key.id, now + this.ttlSeconds * 1000);
  }

  /** The principal a session token stands for now, or null. */
  async principalFor(token: string, now = Date.now()): Promise<Principal | null> {
    const claims = this.tokens.verify(token, now);
    if (!claims || this.ended.has(claims.sessionId)) return null;
    return this.keys.principalForKeyId(claims.keyId, new Date(now));
  }

  /** Who a session token signs in, and until when; null when it no longer does. */
  async describe(token: string, now = Date.now()): Promise<{ name: string; role: Principal['role']; expiresAt: string } | null> {
    const claims = this.tokens.verify(token, now);
    const principal = claims && (await this.principalFor(token, now));
    return claims && principal ? { name: principal.name, role: principal.role, expiresAt: new Date(claims.expiresAt).toISOString() } : null;
  }

  end(token: string, now = Date.now()): void {
    const claims = this.tokens.verify(token, now);
    if (!claims) return;
    for (const [id, expiresAt] of this.ended) if (expiresAt <= now) this.ended.delete(id);
    this.ended.set(claims.sessionId, claims.expiresAt);
  }
}
