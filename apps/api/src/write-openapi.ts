import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { openRuntime } from '#runtime';
import { createApp } from './create-app.js';
import { openApiDocument } from './openapi.js';

/**
 * Writes the OpenAPI document to the path given (npm run openapi: docs/openapi.json, which the lint checks and a test
 * compares with what the API serves). The app is built on an in-memory database and never started.
 */
async function main(path: string): Promise<void> {
  const runtime = await openRuntime({ settings: { url: null, dataDir: 'memory' } });
  try {
    const app = await createApp(runtime, { openApiUi: false });
    await writeFile(path, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
    await app.close();
  } finally {
    await runtime.close();
  }
}

const [path] = process.argv.slice(2);
if (!path) {
  process.stderr.write('usage: write-openapi <path>\n');
  process.exit(2);
}
await main(path);
