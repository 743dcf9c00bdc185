import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiResponse } from '@nestjs/swagger';
import type { Role } from '../roles.js';

export const ROUTE_ACCESS = 'gp-register:route-access';
export const BEARER_SCHEME = 'bearer';

/** What a route needs: a role, or nothing at all (public). A route that declares neither is refused to all but admin. */
export type RouteAccess = { readonly role: Role } | { readonly public: true };

const PROBLEM = 'application/problem+json';

/** The route needs a principal holding `role` or a role above it (SPEC §7); documented in OpenAPI. */
export const RequiresRole = (role: Role) =>
  applyDecorators(
    SetMetadata(ROUTE_ACCESS, { role } satisfies RouteAccess),
    ApiBearerAuth(BEARER_SCHEME),
    ApiExtension('x-required-role', role),
    ApiResponse({ status: 401, description: `${PROBLEM}: UNAUTHENTICATED (no, malformed, unknown, revoked or expired token)` }),
    ApiResponse({ status: 403, description: `${PROBLEM}: FORBIDDEN (needs role ${role})${role === 'recorder' ? ' or OUT_OF_SCOPE' : ''}` }),
  );

/** The route answers anyone (health, the public key, sign-in). */
export const PublicRoute = () => applyDecorators(SetMetadata(ROUTE_ACCESS, { public: true } satisfies RouteAccess), ApiExtension('x-required-role', 'none'));
