import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { PATTERNS } from '#platform';
import type { Principal } from '../principal.js';
import { highestRole } from '../roles.js';
import type { JwtSettings } from './jwt-settings.js';

/** Asymmetric algorithms only: never `none`, never an HMAC whose "secret" would be the provider's public key. */
const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** An unknown `kid` fetches the key set again at most once a minute (a key rotation), not once per forged token. */
const JWKS_COOLDOWN_MS = 60_000;
const CLOCK_TOLERANCE_S = 30;

/** Why a token was refused, in words safe to show its sender. */
export class JwtRefused extends Error {}

/** The identity provider's key set could not be had, so no token can be checked just now (a 503, not a 401). */
export class IdentityProviderUnavailable extends Error {}

/** Checks a JWT's signature against the provider's key set, and its issuer, audience, expiry and not-before. */
export class JwtVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly settings: JwtSettings) {
    this.keys = createRemoteJWKSet(settings.jwksUrl, { cooldownDuration: JWKS_COOLDOWN_MS, timeoutDuration: 5_000 });
  }

  async principalFor(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALLOWED_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (unreachableKeySet(error)) {
        throw new IdentityProviderUnavailable(`the identity provider's keys could not be fetched: ${error.message}`);
      }
      throw new JwtRefused(refusal(error));
    }
    const claimed = payload[this.settings.roleClaim];
    const role = highestRole(Array.isArray(claimed) ? claimed : [claimed]);
    if (role === null) throw new JwtRefused(`the token's "${this.settings.roleClaim}" claim names no role of this register`);
    return { name: payload.sub!, role, commissioners: this.commissioners(payload), via: 'jwt' };
  }

  private commissioners(payload: JWTPayload): readonly string[] | null {
    const claimed = payload[this.settings.commissionerClaim];
    if (claimed === undefined || claimed === null) return null;
    const codes = (Array.isArray(claimed) ? claimed : String(claimed).split(',')).map((code) => String(code).trim()).filter(Boolean);
    const bad = codes.find((code) => !PATTERNS.commissionerCode.test(code));
    if (bad !== undefined || codes.length === 0)
      throw new JwtRefused(`the token's "${this.settings.commissionerClaim}" claim is not a list of commissioner codes`);
    return codes;
  }
}

function refusal(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's "${error.claim}" claim is not acceptable`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is not signed with an accepted algorithm';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token is not signed by a key of the identity provider';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature does not verify';
  return 'the token is not a valid JWT of the identity provider';
}

/** The key set's fetch failed: no answer, a non-200 (jose's base error), or not a key set. */
function unreachableKeySet(error: unknown): error is Error {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof TypeError) return true;
  return error instanceof Error && error.constructor === errors.JOSEError;
}
