import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type OperationObject } from '@nestjs/swagger';
import { BEARER_SCHEME, REQUIRED_ROLE_EXTENSION } from '#access';

/** Serves the document at /docs-json and, unless `ui` is false, the OpenAPI UI at /docs (see CreateAppOptions.openApiUi). */
export function setUpOpenApi(app: INestApplication, ui = true): void {
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs-json', ui });
}

/** The register's OpenAPI document, as served and as committed in docs/openapi.json (npm run openapi). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('GP contract transition register')
    .setDescription(
      'Event-sourced register of how English general practice is organised and contracted. Every read takes asOf ' +
        '(effective date) and knownAt (what the register believed at that instant). Errors are application/problem+json.',
    )
    .setVersion('1')
    .addServer('/', 'the instance serving this document')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          "An API key of this register (npm run cli -- keys create) or, where configured, a JWT of the organisation's identity " +
          'provider. Each operation names the role it needs in x-required-role: reader < auditor < recorder < admin.',
      },
      BEARER_SCHEME,
    )
    .build();
  return markPublicOperations(SwaggerModule.createDocument(app, config));
}

/** Public operations say so with an empty security list, so that tools can tell them from undocumented ones. */
function markPublicOperations(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as (OperationObject & Record<string, unknown>)[]) {
      if (operation[REQUIRED_ROLE_EXTENSION] === 'none') operation.security = [];
    }
  }
  return document;
}
