import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type pg from 'pg';
import { PG_POOL } from '#platform';
import { ApiKeyCache } from './api-keys/api-key-cache.js';
import { ApiKeyRegistry } from './api-keys/api-key-registry.js';
import { Authenticator } from './authenticator.js';
import { AccessGuard } from './http/access.guard.js';
import { jwtSettingsFromEnv } from './jwt/jwt-settings.js';
import { JwtVerifier } from './jwt/jwt-verifier.js';

/**
 * Authentication and roles for every HTTP route (SPEC §7): a global guard, fed by the API keys in memory and, when
 * AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE are set, the identity provider's JWTs.
 */
@Module({
  providers: [
    { provide: ApiKeyRegistry, inject: [PG_POOL], useFactory: (pool: pg.Pool) => new ApiKeyRegistry(pool) },
    { provide: ApiKeyCache, inject: [ApiKeyRegistry, PG_POOL], useFactory: (registry: ApiKeyRegistry, pool: pg.Pool) => new ApiKeyCache(registry, pool) },
    {
      provide: Authenticator,
      inject: [ApiKeyCache],
      useFactory: (keys: ApiKeyCache) => {
        const jwt = jwtSettingsFromEnv();
        return new Authenticator(keys, jwt ? new JwtVerifier(jwt) : null);
      },
    },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [Authenticator, ApiKeyCache],
})
export class AccessModule {}
