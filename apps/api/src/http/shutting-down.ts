import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemDocument, sendProblem } from './problem.js';

/**
 * While the service shuts down it finishes what it has begun and refuses what arrives (SPEC §9: as problem+json, with
 * Retry-After so a client goes to another instance or comes back), closing each such connection.
 */
export function refuseRequestsWhileClosing(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done: () => void) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (!closing) return done();
    reply.header('Connection', 'close');
    sendProblem(reply, {
      ...problemDocument(
        503,
        'Shutting down',
        'This instance is shutting down; retry, another instance may answer.',
        'SHUTTING_DOWN',
        request.url.slice(0, 200),
      ),
      retryAfter: 1,
    });
  });
}
