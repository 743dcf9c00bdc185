import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node flags an npm script starts a deployable with (`"start": "node --max-old-space-size=256 dist/…/main.js"`
 * gives the heap size flag), so the benchmark runs the API as `npm start` does. Throws when the script does not run
 * `node … <entry>`: the benchmark would otherwise measure something other than what is deployed.
 */
export function deployedNodeFlags(script: string, entry: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const words = (scripts[script] ?? '').split(/\s+/);
  const end = words.indexOf(entry);
  const start = words.lastIndexOf('node', end);
  if (end < 0 || start < 0) throw new Error(`npm script "${script}" does not run node ${entry}: ${scripts[script] ?? '(missing)'}`);
  return words.slice(start + 1, end);
}
