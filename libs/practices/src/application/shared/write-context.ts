import { createHash, randomUUID } from 'node:crypto';
import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import canonicalize from 'canonicalize';
import { requestPrincipal } from '#access';

/** Who and what a write is: everything the handler needs besides the domain command. */
export interface WriteContext {
  /** The authenticated principal's name (SPEC §7): never taken from the body or a header. */
  readonly recordedBy: string;
  /** Commissioner codes the principal may write for; null for any. */
  readonly commissionerScope: readonly string[] | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** From If-Match: the stream version the client decided on. */
  readonly expectedVersion?: number;
  readonly idempotencyKey?: string;
  /** Identifies the request a key was used for: method, path and the body's RFC 8785 canonical JSON (key order ignored). */
  readonly fingerprint: string;
}

const HEADER_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/** A header's value; a header sent more than once counts as its first value. */
function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The request's path without its query string. */
const pathOf = (request: FastifyRequest): string => request.url.split('?', 1)[0];

function optionalHeader(request: FastifyRequest, name: string): string | undefined {
  const value = header(request, name);
  if (value === undefined) return undefined;
  if (!HEADER_ID.test(value)) {
    throw new BadRequestException({
      title: 'Invalid header',
      detail: `${name} must be 1–200 characters of letters, digits and . _ : -`,
      code: 'VALIDATION_FAILED',
      errors: [{ field: name, message: `${name} has an invalid value` }],
    });
  }
  return value;
}

function parseIfMatch(request: FastifyRequest): number | undefined {
  const raw = header(request, 'if-match');
  if (raw === undefined) return undefined;
  const match = /^\s*"?(\d{1,9})"?\s*$/.exec(raw);
  if (!match) {
    throw new BadRequestException({
      title: 'Invalid If-Match',
      detail: 'If-Match must be the stream version as a number, optionally quoted, e.g. "3"',
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'If-Match', message: 'must be a stream version number' }],
    });
  }
  return Number(match[1]);
}

/**
 * RFC 8785 canonical JSON of the body. A body that has none (a string holding an unpaired surrogate) is refused by
 * validation, which runs after this: its fingerprint is then never used, any stable text will do.
 */
function canonicalBody(body: unknown): string {
  try {
    return canonicalize(body ?? null) ?? 'null';
  } catch {
    return JSON.stringify(body ?? null);
  }
}

export function writeContextFrom(request: FastifyRequest): WriteContext {
  const body = canonicalBody(request.body);
  const principal = requestPrincipal(request);
  return {
    recordedBy: principal.name,
    commissionerScope: principal.commissioners,
    correlationId: optionalHeader(request, 'x-correlation-id') ?? randomUUID(),
    causationId: optionalHeader(request, 'x-causation-id') ?? null,
    expectedVersion: parseIfMatch(request),
    idempotencyKey: optionalHeader(request, 'idempotency-key'),
    fingerprint: createHash('sha256')
      .update(`${request.method} ${pathOf(request)}\n${body}`)
      .digest('hex'),
  };
}

/** Controller parameter: the write's context, read from its headers. */
export const Write = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  writeContextFrom(context.switchToHttp().getRequest<FastifyRequest>()),
);
