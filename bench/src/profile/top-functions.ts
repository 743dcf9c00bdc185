import { readFile } from 'node:fs/promises';

/**
 * Reads a V8 .cpuprofile (node --cpu-prof, as `npm run bench -- <parts> --profile` writes for the API) and prints where
 * the time went: self time by function and by file or package, largest first.
 *
 *   node dist/bench/src/profile/top-functions.js <file.cpuprofile> [rows]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function topFunctions(path: string, rows: number): Promise<string> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...selfUs.values()].reduce((sum, us) => sum + us, 0);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)!.callFrame;
    const where = shortUrl(frame.url);
    const fn = `${frame.functionName || '(anonymous)'} ${where}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byFile.set(where || frame.functionName, (byFile.get(where || frame.functionName) ?? 0) + us);
  }
  // Inclusive time: each sample counts once for every distinct function on its stack (synchronous stacks only).
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const frame = nodes.get(current)!.callFrame;
      if (!frame.url.includes('/dist/')) continue;
      const fn = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
      if (seen.has(fn)) continue;
      seen.add(fn);
      inclusive.set(fn, (inclusive.get(fn) ?? 0) + us);
    }
  }
  const table = (entries: Map<string, number>) =>
    [...entries]
      .sort(([, a], [, b]) => b - a)
      .slice(0, rows)
      .map(([name, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  return [
    `${path}: ${(total / 1e6).toFixed(1)} s sampled`,
    '',
    'self time by function:',
    ...table(byFunction),
    '',
    'self time by file or package:',
    ...table(byFile),
    '',
    "inclusive time of the project's functions:",
    ...table(inclusive),
  ].join('\n');
}

/** node_modules/<package>/… → the package; the project's files relative to dist/. */
function shortUrl(url: string): string {
  if (!url) return '';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  const project = /\/dist\/(.*)$/.exec(url);
  return project ? project[1] : url.replace(/^file:\/\//, '');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, rows] = process.argv.slice(2);
  if (!path) {
    process.stderr.write('usage: node dist/bench/src/profile/top-functions.js <file.cpuprofile> [rows]\n');
    process.exit(2);
  }
  process.stdout.write(`${await topFunctions(path, Number(rows ?? 30))}\n`);
}
