import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`, or less if `signal` aborts (at once if it already has); never rejects, so loops just check the signal. */
export async function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal }).catch(() => undefined);
}
