import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** SPEC §8: the key lives in a file outside the database, LOG_SIGNING_KEY_FILE or DATA_DIR/log-signing.key. */
export function signingKeyPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOG_SIGNING_KEY_FILE?.trim() || join(env.DATA_DIR?.trim() || './.data', 'log-signing.key');
}

export interface LogSigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicKeyPem: string;
  readonly path: string;
  /** True when this call created the file. */
  readonly created: boolean;
}

/** base64url SHA-256 of the public key's SubjectPublicKeyInfo DER: stable, short, and checkable by anyone holding the key. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64url');
}

export function describePublicKey(publicKey: KeyObject): { keyId: string; publicKeyPem: string } {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`the log signing key must be Ed25519, not ${publicKey.asymmetricKeyType}`);
  return { keyId: keyIdOf(publicKey), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/**
 * Reads the signing key, creating it (mode 0600, folder 0700) on the first start that finds none. The file is opened
 * with exclusive create, so two instances starting together on one shared file end up with the same key.
 */
export function loadOrCreateSigningKey(path = signingKeyPath()): LogSigningKey {
  let created = false;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const privateKey = createPrivateKey(readFileSync(path));
  const publicKey = createPublicKey(privateKey);
  return { ...describePublicKey(publicKey), privateKey, publicKey, path, created };
}

/** The public key to verify with: a PEM public key, or the public half of a PEM private key (the signing key file). */
export function readPublicKeyFile(path: string): KeyObject {
  const pem = readFileSync(path, 'utf8');
  return pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
}
