/** SPEC §7: a JWT from the organisation's identity provider is accepted when these are set. */
export interface JwtSettings {
  readonly jwksUrl: URL;
  readonly issuer: string;
  readonly audience: string;
  readonly roleClaim: string;
  readonly commissionerClaim: string;
}

/** Null when JWTs are not configured; an error naming what is missing when they are half configured. */
export function jwtSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): JwtSettings | null {
  const jwksUrl = env.AUTH_JWKS_URL?.trim();
  const issuer = env.AUTH_ISSUER?.trim();
  const audience = env.AUTH_AUDIENCE?.trim();
  if (!jwksUrl && !issuer && !audience) return null;
  const missing = Object.entries({ AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) throw new Error(`JWT sign-in needs AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE; missing ${missing.join(', ')}`);
  const url = new URL(jwksUrl!);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(`AUTH_JWKS_URL must be https (plain http only on loopback), got ${url.protocol}//${url.host}`);
  }
  return {
    jwksUrl: url,
    issuer: issuer!,
    audience: audience!,
    roleClaim: env.AUTH_ROLE_CLAIM?.trim() || 'roles',
    commissionerClaim: env.AUTH_COMMISSIONER_CLAIM?.trim() || 'commissioners',
  };
}
