/** The cookie's name; `__Host-` would forbid it over plain HTTP, which the service often is behind a TLS terminator. */
export const SESSION_COOKIE = 'gpr_session';

/** The session cookie's value in a Cookie header, if any (other cookies are ignored). */
export function sessionCookieIn(header: string | undefined): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === SESSION_COOKIE) return pair.slice(at + 1).trim() || null;
  }
  return null;
}

/**
 * Set-Cookie for a session: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure
 * when the request came over HTTPS, Path=/ because the dashboard reads the API's own routes.
 */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${token}`, 'Path=/', `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join(
    '; ',
  );
}

export const clearedSessionCookie = (secure: boolean): string => sessionCookie('', 0, secure);
