import type { FastifyReply } from 'fastify';

/** RFC 9457 problem document, with the product's machine-readable `code` and per-field `errors` (SPEC §5). */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors: readonly FieldError[];
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemDocument(status: number, title: string, detail: string, code: string, instance: string): Problem {
  return { type: 'about:blank', title, status, detail, code, errors: [], instance };
}

/** Answers with the problem, from anywhere that holds the reply (the exception filter, a Fastify hook). */
export function sendProblem(reply: FastifyReply, problem: Problem): void {
  const retryAfter = (problem as { retryAfter?: number }).retryAfter;
  if (retryAfter !== undefined) reply.header('Retry-After', String(retryAfter));
  reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
