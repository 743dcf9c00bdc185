import type { Role } from '../roles.js';

/** An API key as the register keeps it: everything but the secret. */
export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly commissioners: readonly string[] | null;
  /** YYYY-MM-DD: the first day the key is refused; null for a key that does not expire. */
  readonly expiresOn: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
}

/** A key answers requests until it is revoked, and before the start (UTC) of its expiry day. */
export function isKeyUsable(key: ApiKey, now: Date): boolean {
  if (key.revokedAt !== null) return false;
  return key.expiresOn === null || now.toISOString().slice(0, 10) < key.expiresOn;
}
