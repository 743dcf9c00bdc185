import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Security headers on every answer (@fastify/helmet): no framing, no MIME sniffing, no referrer, and a content policy
 * that lets pages (the OpenAPI UI) load only this service's own scripts and styles.
 */
export async function addSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet as unknown as Parameters<NestFastifyApplication['register']>[0], {
    global: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The OpenAPI UI sets styles inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Served over plain HTTP behind a TLS terminator as often as not: upgrading would break the pages there.
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** SPEC §7: no cross-origin access unless CORS_ORIGINS lists the origins allowed (comma-separated). */
export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    const url = new URL(origin);
    if (url.origin !== origin) throw new Error(`CORS_ORIGINS entries must be bare origins such as https://dashboard.example.nhs.uk, got ${origin}`);
  }
  return origins;
}
