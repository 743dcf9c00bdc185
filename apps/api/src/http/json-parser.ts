import type { FastifyInstance, FastifyRequest } from 'fastify';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth.js';

/** Fastify's code for a body that is not JSON, so the exception filter renders both refusals as MALFORMED_JSON. */
const INVALID_JSON = 'FST_ERR_CTP_INVALID_JSON_BODY';

/**
 * JSON bodies, as application/json or application/<something>+json (merge-patch, problem documents), parsed by
 * Fastify's own parser (which refuses __proto__ and constructor keys) after the depth check of SPEC §9.
 */
export function parseJsonWithDepthLimit(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  const parser = (request: FastifyRequest, body: string | Buffer, done: (error: Error | null, value?: unknown) => void) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (exceedsJsonDepth(text)) {
      done(Object.assign(new Error(`nested deeper than ${MAX_JSON_DEPTH} levels`), { code: INVALID_JSON, statusCode: 400 }));
      return;
    }
    parse(request, text, done);
  };
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, parser);
  fastify.addContentTypeParser(/^application\/[\w.+-]+\+json$/, { parseAs: 'string' }, parser);
}
