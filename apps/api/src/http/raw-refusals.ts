import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemDocument, sendProblem, type Problem } from './problem.js';

/**
 * Node refuses some requests before Fastify sees them: headers too large (431), too slow (408), unparseable (400).
 * Fastify's default writes its own JSON; SPEC §9 wants every answer as problem+json, written here on the raw socket.
 */
export function refuseClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = clientErrorProblem(error.code);
  if (socket.writable) {
    const body = JSON.stringify(problem);
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function clientErrorProblem(code: string | undefined): Problem {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return problemDocument(408, 'Request timeout', 'The request did not arrive whole in time (15 s).', 'REQUEST_TIMEOUT', '');
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return problemDocument(431, 'Request headers too large', 'The request headers are larger than 16 KiB.', 'HEADERS_TOO_LARGE', '');
  }
  if (code === 'HPE_URI_TOO_LONG') {
    return problemDocument(414, 'URI too long', 'The request target is too long.', 'URI_TOO_LONG', '');
  }
  return problemDocument(400, 'Bad request', 'The request is not valid HTTP.', 'BAD_REQUEST', '');
}

/** Fastify's own refusals of a URL (malformed, or a path parameter over its length limit), as problem+json. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const instance = request.url.slice(0, 200);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    sendProblem(reply, problemDocument(414, 'URI too long', 'A path segment of the request is too long.', 'URI_TOO_LONG', instance));
    return;
  }
  sendProblem(reply, problemDocument(400, 'Bad request', 'The request URL is not valid.', 'BAD_REQUEST', instance));
}
