import { exitOnSignals } from '../../src/graceful-shutdown.js';

// A process whose closing never ends (a request stuck on the database), for graceful-shutdown.int.spec.ts.
exitOnSignals(
  () => new Promise<void>(() => undefined),
  (line) => process.stdout.write(`${line}\n`),
  Number(process.env.DEADLINE_MS),
);
process.stdout.write('ready\n');
setInterval(() => undefined, 1_000);
