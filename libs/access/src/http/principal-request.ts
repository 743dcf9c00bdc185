import type { FastifyRequest } from 'fastify';
import type { Principal } from '../principal.js';

/** The guard leaves the authenticated principal on the request; nothing else may set it. */
const principals = new WeakMap<object, Principal>();

export function setRequestPrincipal(request: FastifyRequest, principal: Principal): void {
  principals.set(request.raw, principal);
}

/** The request's principal; throws on a route that did not authenticate, since a write must never go unattributed. */
export function requestPrincipal(request: FastifyRequest): Principal {
  const principal = principals.get(request.raw);
  if (!principal) throw new Error('no authenticated principal on this request: the route must declare RequiresRole');
  return principal;
}
