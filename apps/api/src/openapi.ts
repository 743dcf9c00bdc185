import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME } from '#access';

/** `ui` false serves the document alone (see CreateAppOptions.openApiUi). */
export function setUpOpenApi(app: INestApplication, ui = true): void {
  const config = new DocumentBuilder()
    .setTitle('GP contract transition register')
    .setDescription(
      'Event-sourced register of how English general practice is organised and contracted. Every read takes asOf ' +
        '(effective date) and knownAt (what the register believed at that instant). Errors are application/problem+json.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'An API key of this register (npm run cli -- keys create) or, where configured, a JWT of the organisation\'s identity ' +
          'provider. Each operation names the role it needs in x-required-role: reader < auditor < recorder < admin.',
      },
      BEARER_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', ui });
}
