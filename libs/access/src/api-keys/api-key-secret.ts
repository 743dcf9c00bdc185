import { createHash, randomBytes } from 'node:crypto';

/** Prefix that marks a register API key (and lets secret scanners find one pasted where it should not be). */
export const API_KEY_PREFIX = 'gpr_';
const API_KEY_PATTERN = /^gpr_[A-Za-z0-9_-]{43}$/;

/** A new key: 256 random bits, base64url, behind the prefix. */
export const newApiKeySecret = (): string => API_KEY_PREFIX + randomBytes(32).toString('base64url');

export const looksLikeApiKey = (token: string): boolean => API_KEY_PATTERN.test(token);

/**
 * What the database keeps instead of the secret. A fast hash suffices: the secret is 256 random bits, so there is no
 * dictionary to try, and a slow hash would cost every request (the point of keeping keys is not to).
 */
export const apiKeyHash = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

/** Short id for `keys list` and `keys revoke`: not secret, and useless without the key. */
export const newApiKeyId = (): string => `key_${randomBytes(6).toString('hex')}`;
