import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type pg from 'pg';
import { PG_POOL } from '#platform';
import { ApiKeyCache } from './api-keys/api-key-cache.js';
import { ApiKeyRegistry } from './api-keys/api-key-registry.js';
import { Authenticator } from './authenticator.js';
import { AccessGuard } from './http/access.guard.js';
import { jwtSettingsFromEnv } from './jwt/jwt-settings.js';
import { JwtVerifier } from './jwt/jwt-verifier.js';
import { ephemeralSessionSecret } from './session/session-secret.js';
import { SessionController } from './session/session.controller.js';
import { Sessions, type SessionSettings } from './session/sessions.js';

export interface AccessOptions {
  /** Signs dashboard session cookies; without one, a secret that lives as long as the process. */
  readonly sessions?: SessionSettings;
}

/**
 * Authentication and roles for every HTTP route (SPEC §7): a global guard, fed by the API keys in memory, the
 * dashboard's session cookies (reads only, SPEC §10) and, when AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE are set,
 * the identity provider's JWTs.
 */
@Module({})
export class AccessModule {
  static forRoot(options: AccessOptions = {}): DynamicModule {
    return {
      module: AccessModule,
      controllers: [SessionController],
      providers: [
        { provide: ApiKeyRegistry, inject: [PG_POOL], useFactory: (pool: pg.Pool) => new ApiKeyRegistry(pool) },
        {
          provide: ApiKeyCache,
          inject: [ApiKeyRegistry, PG_POOL],
          useFactory: (registry: ApiKeyRegistry, pool: pg.Pool) => new ApiKeyCache(registry, pool),
        },
        {
          provide: Sessions,
          inject: [ApiKeyCache],
          useFactory: (keys: ApiKeyCache) => new Sessions(keys, options.sessions ?? { secret: ephemeralSessionSecret() }),
        },
        {
          provide: Authenticator,
          inject: [ApiKeyCache, Sessions],
          useFactory: (keys: ApiKeyCache, sessions: Sessions) => {
            const jwt = jwtSettingsFromEnv();
            return new Authenticator(keys, jwt ? new JwtVerifier(jwt) : null, sessions);
          },
        },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [Authenticator, ApiKeyCache, Sessions],
    };
  }
}
