import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemDocument, sendProblem } from './problem.js';

const JSON_MEDIA_TYPE = /^application\/(?:json|[\w.+-]+\+json)\s*(?:;|$)/i;

/** A request carries a body when it says so by length or by chunked transfer (RFC 9112 §6.3). */
const hasBody = (request: FastifyRequest): boolean =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/**
 * SPEC §9: bodies are JSON or nothing (415 UNSUPPORTED_MEDIA_TYPE otherwise), checked before the body is read. Browsers
 * send forms and text/plain across sites without asking first; only JSON needs a CORS preflight, which a foreign
 * origin does not pass, so this is what keeps other web sites from writing to the register in a user's name.
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (!hasBody(request) || JSON_MEDIA_TYPE.test(request.headers['content-type'] ?? '')) return done();
    const given = request.headers['content-type'] ? `"${request.headers['content-type'].slice(0, 100)}"` : 'no content type';
    sendProblem(
      reply,
      problemDocument(
        415,
        'Unsupported media type',
        `request bodies must be application/json (or application/*+json); got ${given}`,
        'UNSUPPORTED_MEDIA_TYPE',
        request.url,
      ),
    );
  });
}
