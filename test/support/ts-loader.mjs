// Lets a child process run the TypeScript sources directly (as Jest does): `node --import ./ts-register.mjs file.ts`.
// Resolves the #lib aliases to libs/<lib>/src/index.ts and relative `.js` imports to their `.ts` files, and
// transpiles with SWC (SWC_OPTIONS, as Jest does).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from '@swc/core';
import { SWC_OPTIONS } from './swc-options.mjs';

const root = new URL('../../', import.meta.url);
const libs = ['platform', 'access', 'runtime', 'event-store', 'practices', 'landscape', 'ods-import', 'demo-history', 'proof'];
const aliases = new Map(libs.map((lib) => [`#${lib}`, new URL(`libs/${lib}/src/index.ts`, root).href]));

export async function resolve(specifier, context, next) {
  const alias = aliases.get(specifier);
  if (alias) return { url: alias, shortCircuit: true };
  if (/^\.{1,2}\//.test(specifier) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const filename = fileURLToPath(url);
  const { code } = transformSync(readFileSync(filename, 'utf8'), { filename, ...SWC_OPTIONS });
  return { format: 'module', source: code, shortCircuit: true };
}
