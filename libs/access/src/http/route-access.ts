import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiResponse } from '@nestjs/swagger';
import type { Role } from '../roles.js';

export const ROUTE_ACCESS = 'gp-register:route-access';
export const BEARER_SCHEME = 'bearer';
/** The OpenAPI extension naming each operation's role ('none' for public routes). */
export const REQUIRED_ROLE_EXTENSION = 'x-required-role';

/** What a route needs: a role, or nothing at all (public). A route that declares neither is refused to all but admin. */
export type RouteAccess = { readonly role: Role } | { readonly public: true };

const PROBLEM = 'application/problem+json';

/** The route needs a principal holding `role` or a role above it (SPEC §7); documented in OpenAPI. */
export const RequiresRole = (role: Role) =>
  applyDecorators(
    SetMetadata(ROUTE_ACCESS, { role } satisfies RouteAccess),
    ApiBearerAuth(BEARER_SCHEME),
    ApiExtension(REQUIRED_ROLE_EXTENSION, role),
    ApiResponse({ status: 401, description: `${PROBLEM}: UNAUTHENTICATED (no, malformed, unknown, revoked or expired token)` }),
    ApiResponse({ status: 403, description: `${PROBLEM}: FORBIDDEN (needs role ${role})${role === 'recorder' ? ' or OUT_OF_SCOPE' : ''}` }),
  );

/** The route answers anyone (health, the public key, sign-in). */
export const PublicRoute = () =>
  applyDecorators(SetMetadata(ROUTE_ACCESS, { public: true } satisfies RouteAccess), ApiExtension(REQUIRED_ROLE_EXTENSION, 'none'));
