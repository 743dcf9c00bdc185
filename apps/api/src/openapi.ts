import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** `ui` false serves the document alone (see CreateAppOptions.openApiUi). */
export function setUpOpenApi(app: INestApplication, ui = true): void {
  const config = new DocumentBuilder()
    .setTitle('GP contract transition register')
    .setDescription(
      'Event-sourced register of how English general practice is organised and contracted. Every read takes asOf ' +
        '(effective date) and knownAt (what the register believed at that instant). Errors are application/problem+json.',
    )
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', ui });
}
