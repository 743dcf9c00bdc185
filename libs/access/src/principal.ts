import type { Role } from './roles.js';

/**
 * Who sent a request, as established by its token: an API key of the register or a JWT of the organisation's identity
 * provider. `name` is what events record as `recordedBy`.
 */
export interface Principal {
  readonly name: string;
  readonly role: Role;
  /** Commissioner codes a recorder may write for; null for no restriction (SPEC §7). */
  readonly commissioners: readonly string[] | null;
  readonly via: 'api-key' | 'jwt' | 'session';
}

/** A command-line operator acting with their own database access records `cli:<name>` (SPEC §7). */
export const cliPrincipalName = (name: string): string => `cli:${name}`;
