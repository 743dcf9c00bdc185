import type { FastifyServerOptions } from 'fastify';
import { frameworkErrors, refuseClientError } from './raw-refusals.js';

/** SPEC §5: bodies over 1 MiB are refused with 413 (rendered as problem+json by the filter). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * SPEC §9: no request waits more than 30 s. A request must arrive whole (headers and body) within 15 s, so slow-body
 * clients cannot hold sockets; its handling then has 25 s, which covers the database's own limits (a pooled connection
 * within 5 s, a lock within 10 s, a statement within 20 s). What is left of 30 s is the answer's way out.
 */
export const SERVER_LIMITS = {
  /** Headers within 10 s, the whole request within 15 s (Node answers 408 and closes the socket). */
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  /** From routing to the answer: past it, 503 with Retry-After. */
  handlerTimeoutMs: 25_000,
  /** A socket with no traffic at all is closed. */
  connectionTimeoutMs: 30_000,
  /** Idle keep-alive sockets are kept a little longer than a typical load balancer's 60 s, so it closes them first. */
  keepAliveTimeoutMs: 65_000,
  /** Node checks request and header timeouts this often (its default of 30 s would let a slow client stay 45 s). */
  connectionsCheckingIntervalMs: 1_000,
  /** Node's default: headers over 16 KiB are 431. */
  maxHeaderSizeBytes: 16 * 1024,
} as const;

export function fastifyServerOptions(): FastifyServerOptions {
  return {
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true },
    connectionTimeout: SERVER_LIMITS.connectionTimeoutMs,
    keepAliveTimeout: SERVER_LIMITS.keepAliveTimeoutMs,
    requestTimeout: SERVER_LIMITS.requestTimeoutMs,
    handlerTimeout: SERVER_LIMITS.handlerTimeoutMs,
    http: {
      headersTimeout: SERVER_LIMITS.headersTimeoutMs,
      requestTimeout: SERVER_LIMITS.requestTimeoutMs,
      connectionsCheckingInterval: SERVER_LIMITS.connectionsCheckingIntervalMs,
      maxHeaderSize: SERVER_LIMITS.maxHeaderSizeBytes,
    },
    // Refusals while closing are answered by our own hook, as problem+json (see shutting-down.ts).
    return503OnClosing: false,
    clientErrorHandler: refuseClientError,
    frameworkErrors,
  } as FastifyServerOptions;
}
