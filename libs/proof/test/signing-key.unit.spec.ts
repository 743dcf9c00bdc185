import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, readPublicKeyFile, signingKeyPath } from '../src/signing/log-signing-key.js';
import { signTreeHead, treeHeadSignatureValid } from '../src/signing/tree-head-signature.js';

describe('the log signing key file', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'signing-key-'));

  it('defaults to DATA_DIR/log-signing.key, and LOG_SIGNING_KEY_FILE overrides it', () => {
    expect(signingKeyPath({})).toBe(join('.data', 'log-signing.key'));
    expect(signingKeyPath({ DATA_DIR: '/srv/register' })).toBe('/srv/register/log-signing.key');
    expect(signingKeyPath({ DATA_DIR: '/srv/register', LOG_SIGNING_KEY_FILE: '/keys/k.pem' })).toBe('/keys/k.pem');
  });

  it('is created once, mode 0600 in a 0700 folder, and read back as the same key on the next start', () => {
    const path = join(folder(), 'new', 'log-signing.key');
    const first = loadOrCreateSigningKey(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    const again = loadOrCreateSigningKey(path);
    expect(again).toMatchObject({ created: false, keyId: first.keyId, publicKeyPem: first.publicKeyPem });
  });

  it('has a keyId anyone can recompute from the public key: base64url SHA-256 of its DER', () => {
    const key = loadOrCreateSigningKey(join(folder(), 'log-signing.key'));
    const der = createPublicKey(key.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(key.keyId).toBe(createHash('sha256').update(der).digest('base64url'));
  });

  it('signs heads that verify with the public half read from the key file or from a public PEM, and no other', () => {
    const dir = folder();
    const key = loadOrCreateSigningKey(join(dir, 'log-signing.key'));
    writeFileSync(join(dir, 'public.pem'), key.publicKeyPem);
    const head = signTreeHead(
      {
        treeSize: 3,
        rootHash: Buffer.alloc(32, 7).toString('base64'),
        timestamp: '2026-01-01T00:00:01.000Z',
        recordedThrough: '2026-01-01T00:00:00.000Z',
      },
      key,
    );
    expect(treeHeadSignatureValid(head, readPublicKeyFile(join(dir, 'log-signing.key')))).toBe(true);
    expect(treeHeadSignatureValid(head, readPublicKeyFile(join(dir, 'public.pem')))).toBe(true);
    expect(treeHeadSignatureValid({ ...head, treeSize: 4 }, key.publicKey)).toBe(false);
    expect(treeHeadSignatureValid(head, loadOrCreateSigningKey(join(folder(), 'other.key')).publicKey)).toBe(false);
    expect(readFileSync(join(dir, 'public.pem'), 'utf8')).not.toContain('PRIVATE');
  });
});
