import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemDocument as problem, sendProblem, type FieldError, type Problem } from './problem.js';
import { translateDomainError } from '#practices';
import { databaseProblem } from './database-problem.js';

interface ProblemBody {
  title?: string;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  message?: string | string[];
  [extension: string]: unknown;
}

const DEFAULT_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'RULE_VIOLATION',
  503: 'SERVICE_UNAVAILABLE',
  408: 'REQUEST_TIMEOUT',
  414: 'URI_TOO_LONG',
  431: 'HEADERS_TOO_LARGE',
};

/** Renders every error as application/problem+json: domain refusals, validation, HTTP errors, and the unexpected. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    const instance = request.originalUrl ?? request.url;
    const problem =
      bodyProblem(exception, instance) ??
      databaseProblem(exception, instance) ??
      fastifyProblem(exception, instance) ??
      this.toProblem(translateDomainError(exception) ?? exception, instance);
    if (problem.status >= 500 && problem.status !== 503) this.logger.error(exception);
    if (response.sent) return;
    sendProblem(response, problem);
  }

  private toProblem(exception: unknown, instance: string): Problem {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const body: ProblemBody = typeof raw === 'string' ? { detail: raw } : (raw as ProblemBody);
      const { title, detail, code, errors, message, error, statusCode: _statusCode, ...extensions } = body;
      const text = detail ?? (Array.isArray(message) ? message.join('; ') : message) ?? exception.message;
      // Extensions (e.g. a health check's details) come first so they can never overwrite the standard members.
      const { status: _bodyStatus, type: _type, instance: _instance, ...rest } = extensions;
      return {
        ...rest,
        // Nest's own bodies carry `error` as the status text; a health check's carries the failing indicators.
        ...(typeof error === 'object' && error !== null ? { error } : {}),
        type: 'about:blank',
        title:
          title ??
          HttpStatus[status]
            ?.replace(/_/g, ' ')
            .toLowerCase()
            .replace(/^./, (c) => c.toUpperCase()) ??
          'Error',
        status,
        detail: text,
        code: code ?? DEFAULT_CODES[status] ?? `HTTP_${status}`,
        errors: errors ?? [],
        instance,
      };
    }
    return problem(500, 'Internal error', 'The server could not complete the request.', 'INTERNAL_ERROR', instance);
  }
}

/**
 * Fastify's refusals of a request body, which Nest hands on as an HttpException caused by Fastify's error: too large,
 * or not JSON (including an empty body sent as JSON). Other Fastify refusals (415 for a content type with no parser)
 * keep their status and render like any HttpException.
 */
function bodyProblem(exception: unknown, instance: string): Problem | null {
  // Nest wraps Fastify's own errors; a content-type parser's error (json-parser.ts) arrives as it is.
  const cause = (exception instanceof HttpException ? exception.cause : exception) as { code?: unknown; message?: string } | undefined;
  if (cause?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return problem(413, 'Request body too large', 'The request body is larger than 1 MiB.', 'PAYLOAD_TOO_LARGE', instance);
  }
  if (cause?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || cause?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return problem(400, 'Malformed JSON', `The request body is not valid JSON: ${cause.message}`, 'MALFORMED_JSON', instance);
  }
  return null;
}

/**
 * Errors Fastify raises itself and hands to Nest's error handler: a handler past its time limit (SPEC §9: 503 with
 * Retry-After, never a wait beyond 30 s), and client errors that carry their own 4xx status.
 */
function fastifyProblem(exception: unknown, instance: string): Problem | null {
  const error = exception as { code?: unknown; statusCode?: unknown; message?: unknown } | null;
  if (typeof error?.code !== 'string' || !error.code.startsWith('FST_')) return null;
  if (error.code === 'FST_ERR_HANDLER_TIMEOUT') {
    return {
      ...problem(503, 'Overloaded', 'The request could not be answered within the time limit; retry later.', 'OVERLOADED', instance),
      retryAfter: 2,
    };
  }
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : null;
  if (status === null) return null;
  return problem(
    status,
    HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'Bad request',
    String(error.message ?? ''),
    DEFAULT_CODES[status] ?? `HTTP_${status}`,
    instance,
  );
}
