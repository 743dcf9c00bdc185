import { getHeapStatistics } from 'node:v8';
import underPressure from '@fastify/under-pressure';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { PROBLEM_CONTENT_TYPE, problemDocument } from './problem.js';

/** Routes that must answer however loaded the process is: orchestrators decide on them. */
const ALWAYS_ANSWERED = /^\/health(?:\/|\?|$)/;

export interface LoadLimits {
  readonly maxEventLoopDelayMs: number;
  readonly maxHeapUsedBytes: number;
  readonly maxPoolWaiting: number;
  readonly retryAfterSeconds: number;
}

export const LOAD_LIMITS: LoadLimits = {
  /** Mean event-loop delay over a sample: past it, every request waits that long before any work. */
  maxEventLoopDelayMs: 1_000,
  /**
   * 90% of this process's heap limit (npm start gives the API a 256 MiB old generation): refusing work before the heap
   * fills avoids a crash. Relative, not fixed: a process given more heap (a test runner's) is not refused at 230 MiB.
   */
  maxHeapUsedBytes: Math.floor(getHeapStatistics().heap_size_limit * 0.9),
  /** Requests queued for a database connection beyond this are refused rather than left to time out. */
  maxPoolWaiting: 200,
  retryAfterSeconds: 2,
};

/**
 * SPEC §9: past its load limit the service answers 503 OVERLOADED with Retry-After at once (@fastify/under-pressure:
 * event-loop delay, heap, and the queue of each database pool: the primary's, and a read replica's), instead of
 * accepting work it would answer too late.
 */
export async function refuseWhenOverloaded(app: NestFastifyApplication, pools: readonly pg.Pool[], limits: LoadLimits = LOAD_LIMITS): Promise<void> {
  await app.register(underPressure as unknown as Parameters<NestFastifyApplication['register']>[0], {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxHeapUsedBytes: limits.maxHeapUsedBytes,
    healthCheck: async () => pools.every((pool) => pool.waitingCount <= limits.maxPoolWaiting),
    healthCheckInterval: 500,
    retryAfter: limits.retryAfterSeconds,
    pressureHandler: (request: FastifyRequest, reply: FastifyReply, type: string, value: number | undefined) => {
      if (ALWAYS_ANSWERED.test(request.url)) return undefined; // carry on to the route
      const problem = problemDocument(
        503,
        'Overloaded',
        `This instance is past its load limit (${describe(type, value)}); retry later.`,
        'OVERLOADED',
        request.url.slice(0, 200),
      );
      // under-pressure sends what the handler returns.
      reply.status(503).type(PROBLEM_CONTENT_TYPE).header('Retry-After', String(limits.retryAfterSeconds));
      return JSON.stringify(problem);
    },
  });
}

function describe(type: string, value: number | undefined): string {
  if (type === 'eventLoopDelay') return `event-loop delay ${Math.round(value ?? 0)} ms`;
  if (type === 'heapUsedBytes') return `heap ${Math.round((value ?? 0) / 1024 / 1024)} MiB`;
  if (type === 'healthCheck') return 'database connection queue full';
  return type;
}
