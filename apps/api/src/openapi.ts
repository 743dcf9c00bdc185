import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('GP contract transition register')
    .setDescription(
      'Event-sourced register of how English general practice is organised and contracted. Every read takes asOf ' +
        '(effective date) and knownAt (what the register believed at that instant). Errors are application/problem+json.',
    )
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // The UI's assets are served by @fastify/static, whose CommonJS code requires an ES module (content-disposition 3):
  // Node 20.19+ does that natively, Jest's module loader on Node 20 cannot. Under the tests (NODE_ENV=test) only the
  // document is served; the UI is served everywhere else.
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', ui: process.env.NODE_ENV !== 'test' });
}
