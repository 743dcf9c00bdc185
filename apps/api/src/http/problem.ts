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
