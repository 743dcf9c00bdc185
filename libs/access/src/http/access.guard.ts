import {
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator, Unauthenticated } from '../authenticator.js';
import { IdentityProviderUnavailable } from '../jwt/jwt-verifier.js';
import { roleAllows } from '../roles.js';
import { sessionCookieIn } from '../session/session-cookie.js';
import { setRequestPrincipal } from './principal-request.js';
import { ROUTE_ACCESS, type RouteAccess } from './route-access.js';

/** Routes that forgot to declare their access are kept to admins: failing closed, never open. */
const UNDECLARED: RouteAccess = { role: 'admin' };
const READS = new Set(['GET', 'HEAD']);

/** Every request but a public route's must carry a token of a principal whose role the route allows (SPEC §7). */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess>(ROUTE_ACCESS, [context.getHandler(), context.getClass()]) ?? UNDECLARED;
    if ('public' in access) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const principal = await this.authenticate(request).catch((error: unknown) => {
      if (error instanceof Unauthenticated) {
        http.getResponse<FastifyReply>().header('WWW-Authenticate', `Bearer realm="gp-register"${error.tokenGiven ? ', error="invalid_token"' : ''}`);
        throw new UnauthorizedException({ title: 'Unauthenticated', detail: error.detail, code: 'UNAUTHENTICATED' });
      }
      if (error instanceof IdentityProviderUnavailable) {
        throw new ServiceUnavailableException({
          title: 'Identity provider unavailable',
          detail: error.message,
          code: 'IDENTITY_PROVIDER_UNAVAILABLE',
          retryAfter: 30,
        });
      }
      throw error;
    });
    if (!roleAllows(principal.role, access.role)) {
      throw new ForbiddenException({
        title: 'Forbidden',
        detail: `this route needs the ${access.role} role; ${principal.name} holds ${principal.role}`,
        code: 'FORBIDDEN',
      });
    }
    setRequestPrincipal(request, principal);
    return true;
  }

  /**
   * The Authorization header when there is one; otherwise, for reads only, the dashboard's session cookie. A cookie
   * never authorises a write, so no other page can make a signed-in browser change the register.
   */
  private authenticate(request: FastifyRequest) {
    const session = request.headers.authorization ? null : sessionCookieIn(request.headers.cookie);
    if (session === null) return this.authenticator.principalFor(request.headers.authorization);
    if (!READS.has(request.method)) {
      return Promise.reject(
        new Unauthenticated('a session cookie authorises reads only: writes need Authorization: Bearer <API key or token>', false),
      );
    }
    return this.authenticator.principalForSession(session);
  }
}
