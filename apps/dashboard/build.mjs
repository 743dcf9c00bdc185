// Builds the dashboard (SPEC §10) into dist/ui: one page per HTML file, each loading its own module with shared chunks,
// and one stylesheet compiled from nhsuk-frontend's Sass without its web fonts (they would load from assets.nhs.uk).
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import * as sass from 'sass';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = process.argv[2] ?? join(root, 'dist', 'ui');
const assets = join(out, 'assets');
const PAGES = [
  { file: 'index.html', entry: 'landscape', title: 'Landscape' },
  { file: 'practice.html', entry: 'practice', title: 'Practices' },
  { file: 'changes.html', entry: 'changes', title: 'Changes' },
];

rmSync(out, { recursive: true, force: true });
mkdirSync(assets, { recursive: true });

const built = await esbuild.build({
  entryPoints: Object.fromEntries(PAGES.map((page) => [page.entry, join(here, 'src', page.entry, 'main.ts')])),
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  outdir: assets,
  entryNames: '[name]-[hash]',
  chunkNames: 'shared-[hash]',
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});

const css = sass.compile(join(here, 'src', 'styles', 'dashboard.scss'), {
  style: 'compressed',
  loadPaths: [join(root, 'node_modules')],
  quietDeps: true,
  silenceDeprecations: ['import'],
}).css;
// The icons the stylesheet refers to, and the favicon, from nhsuk-frontend's own images.
const images = join(root, 'node_modules', 'nhsuk-frontend', 'dist', 'nhsuk', 'assets', 'images');
for (const [, name] of css.matchAll(/url\("?\/ui\/assets\/([\w.-]+)"?\)/g)) copyFileSync(join(images, name), join(assets, name));
copyFileSync(join(images, 'favicon.svg'), join(assets, 'favicon.svg'));
const cssName = `dashboard-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;
writeFileSync(join(assets, cssName), css);

const scriptOf = (entry) =>
  Object.entries(built.metafile.outputs).find(([, output]) => output.entryPoint?.endsWith(`${entry}/main.ts`))[0];
const layout = readFileSync(join(here, 'src', 'layout.html'), 'utf8');
for (const page of PAGES) {
  const body = readFileSync(join(here, 'src', page.entry, 'page.html'), 'utf8');
  const html = layout
    .replaceAll('{{title}}', page.title)
    .replaceAll('{{css}}', `/ui/assets/${cssName}`)
    .replaceAll('{{script}}', `/ui/${relative(out, join(root, scriptOf(page.entry)))}`)
    .replaceAll(`{{current:${page.entry}}}`, 'aria-current="page"')
    .replace(/\{\{current:\w+\}\}/g, '')
    .replace('{{main}}', body);
  writeFileSync(join(out, page.file), html);
}
process.stdout.write(`dashboard built into ${relative(root, out) || out}\n`);
