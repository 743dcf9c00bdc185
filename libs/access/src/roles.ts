/** SPEC §7 roles, each allowed everything the one before it is. */
export const ROLES = ['reader', 'auditor', 'recorder', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** True when a principal holding `held` may do what needs `needed`. */
export const roleAllows = (held: Role, needed: Role): boolean => ROLES.indexOf(held) >= ROLES.indexOf(needed);

/** The highest role among `values`, ignoring anything that is not a role name; null when there is none. */
export function highestRole(values: readonly unknown[]): Role | null {
  let best: Role | null = null;
  for (const value of values) if (isRole(value) && (best === null || roleAllows(value, best))) best = value;
  return best;
}
