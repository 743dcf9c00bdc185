import { ApiKeyCache } from './api-keys/api-key-cache.js';
import { looksLikeApiKey } from './api-keys/api-key-secret.js';
import { JwtRefused, type JwtVerifier } from './jwt/jwt-verifier.js';
import type { Principal } from './principal.js';
import type { Sessions } from './session/sessions.js';

/** A request's token did not establish a principal; `detail` is safe to show (it never repeats the token). */
export class Unauthenticated extends Error {
  constructor(
    readonly detail: string,
    /** True when a token was sent (RFC 6750 then says error="invalid_token"). */
    readonly tokenGiven: boolean,
  ) {
    super(detail);
  }
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Turns an Authorization header into the principal it stands for: an API key of the register, or a provider's JWT. */
export class Authenticator {
  constructor(
    private readonly keys: ApiKeyCache,
    private readonly jwt: JwtVerifier | null,
    private readonly sessions: Sessions | null = null,
  ) {}

  /** The principal of a dashboard session cookie (the guard accepts one on GET and HEAD only). */
  async principalForSession(token: string): Promise<Principal> {
    const principal = this.sessions ? await this.sessions.principalFor(token) : null;
    if (!principal) throw new Unauthenticated('the session has expired, was ended, or its API key was revoked; sign in again', true);
    return principal;
  }

  async principalFor(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined || authorization === '')
      throw new Unauthenticated('this route needs Authorization: Bearer <API key or token>', false);
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw new Unauthenticated('the Authorization header must be "Bearer <API key or token>"', true);
    if (looksLikeApiKey(token)) {
      const principal = await this.keys.principalFor(token);
      if (!principal) throw new Unauthenticated('the API key is unknown, revoked or expired', true);
      return principal;
    }
    if (JWT_SHAPE.test(token)) {
      if (!this.jwt) throw new Unauthenticated('this register does not accept identity provider tokens; use an API key', true);
      try {
        return await this.jwt.principalFor(token);
      } catch (error) {
        if (error instanceof JwtRefused) throw new Unauthenticated(error.message, true);
        throw error;
      }
    }
    throw new Unauthenticated('the bearer token is neither an API key of this register nor a JWT', true);
  }
}
