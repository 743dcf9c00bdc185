/** Reads the register's API with the session cookie (same origin, never another site). */
export class SignedOut extends Error {}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

export type Query = Record<string, string | readonly string[] | null | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    for (const one of typeof value === 'string' ? [value] : value) params.append(name, one);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function getJson<T>(path: string, query: Query = {}): Promise<T> {
  const response = await fetch(withQuery(path, query), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.ok) return (await response.json()) as T;
  const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
  if (response.status === 401) throw new SignedOut(problem.detail ?? 'signed out');
  throw new ApiProblem(response.status, problem.code ?? `HTTP_${response.status}`, problem.detail ?? response.statusText);
}

export async function signIn(key: string): Promise<boolean> {
  const response = await fetch('/session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ key }),
  });
  return response.status === 204;
}

export async function signOut(): Promise<void> {
  await fetch('/session', { method: 'DELETE', credentials: 'same-origin' });
}

export type Role = 'reader' | 'auditor' | 'recorder' | 'admin';

export interface Who {
  readonly name: string;
  readonly role: Role;
  readonly expiresAt: string;
}

/** Who this browser is signed in as, or null (GET /session answers 200 either way, so no error is logged). */
export async function whoIsSignedIn(): Promise<Who | null> {
  const answer = await getJson<{ signedIn: boolean } & Partial<Who>>('/session');
  return answer.signedIn ? (answer as Who) : null;
}

export const mayReadHistory = (role: Role): boolean => role !== 'reader';
