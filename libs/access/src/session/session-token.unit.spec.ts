import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionSecretFrom } from './session-secret.js';
import { SessionTokens } from './session-token.js';

describe('session tokens', () => {
  const tokens = new SessionTokens(Buffer.alloc(32, 7));

  it('verify what they issued until it expires', () => {
    const { token, claims } = tokens.issue('key_abc', 2_000);
    expect(tokens.verify(token, 1_999)).toEqual(claims);
    expect(tokens.verify(token, 2_000)).toBeNull();
  });

  it('refuse a token signed with another secret or altered', () => {
    const { token } = new SessionTokens(Buffer.alloc(32, 8)).issue('key_abc', 2_000);
    expect(tokens.verify(token, 0)).toBeNull();
    const [v, payload, mac] = tokens.issue('key_abc', 2_000).token.split('.');
    const other = Buffer.from(JSON.stringify({ keyId: 'key_admin', sessionId: 'x', expiresAt: 2_000 })).toString('base64url');
    expect(tokens.verify(`${v}.${other}.${mac}`, 0)).toBeNull();
    expect(tokens.verify(`${v}.${payload}`, 0)).toBeNull();
    expect(tokens.verify('', 0)).toBeNull();
  });
});

describe('session secret', () => {
  it('is made once in DATA_DIR with mode 0600 and read back after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'session-secret-'));
    const first = sessionSecretFrom({}, dir);
    expect(statSync(join(dir, 'session.key')).mode & 0o777).toBe(0o600);
    expect(sessionSecretFrom({}, dir)).toEqual(first);
  });

  it('comes from SESSION_SECRET when set, which must be 32 bytes or more', () => {
    const secret = Buffer.alloc(32, 1);
    expect(sessionSecretFrom({ SESSION_SECRET: secret.toString('base64') }, '/nonexistent')).toEqual(secret);
    expect(() => sessionSecretFrom({ SESSION_SECRET: 'c2hvcnQ=' }, '/nonexistent')).toThrow(/at least 32 bytes/);
  });
});
