import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

const COMMITTED = join(process.cwd(), 'docs', 'openapi.json');

/** A client of the register written against types generated from its document: what a reporting job would write. */
const CLIENT = `
import createClient from 'openapi-fetch';
import type { paths } from './schema.js';

const client = createClient<paths>({ baseUrl: 'http://localhost:3000', headers: { Authorization: 'Bearer gpr_…' } });

export async function openPractices(asOf: string): Promise<unknown> {
  const { data, error } = await client.GET('/landscape/summary', { params: { query: { asOf, commissioner: ['00K'] } } });
  return error ?? data;
}

export async function recordListSize(ods: string): Promise<unknown> {
  const { data } = await client.POST('/practices/{ods}/list-size', {
    params: { path: { ods } },
    body: { registeredPatients: 9500, effectiveDate: '2024-04-01' },
  });
  return data;
}

// @ts-expect-error the document has no such operation, so the generated types refuse it
void client.GET('/landscape/everything');
// @ts-expect-error a list size needs the practice's code in the path
void client.POST('/practices/{ods}/list-size', { body: { registeredPatients: 1, effectiveDate: '2024-04-01' } });
`;

describe('the OpenAPI document (e2e)', () => {
  let t: TestApp;
  let served: Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    served = (await t.anonymous().get('/docs-json').expect(200)).body;
  });
  afterAll(async () => t?.close());

  it('is the one committed in docs/openapi.json (run `npm run openapi` after changing a route)', async () => {
    expect(served).toEqual(JSON.parse(await readFile(COMMITTED, 'utf8')));
  });

  it('generates a typed client that compiles, and refuses calls the document does not describe', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'gp-register-client-'));
    try {
      await writeFile(join(folder, 'schema.ts'), astToString(await openapiTS(served as never)));
      await writeFile(join(folder, 'client.ts'), CLIENT);
      expect(compileErrors(join(folder, 'client.ts'))).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

/** Type-checks a file as the project's own sources are checked (strict, NodeNext); openapi-fetch from this project. */
function compileErrors(file: string): string[] {
  const openapiFetch = createRequire(import.meta.url)
    .resolve('openapi-fetch')
    .replace(/index\.c?js$/, 'index.d.mts');
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    paths: { 'openapi-fetch': [openapiFetch] },
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => `${diagnostic.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}
