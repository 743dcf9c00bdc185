/**
 * One probe of a slow thing at a time: callers that arrive while a probe is running share its answer, so probes that
 * hang (a locked table, an exhausted pool) never pile up, whatever the polling rate.
 */
export class SingleFlight<T> {
  private running: Promise<T> | null = null;

  constructor(private readonly probe: () => Promise<T>) {}

  run(): Promise<T> {
    this.running ??= this.probe().finally(() => {
      this.running = null;
    });
    return this.running;
  }
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown; readonly timedOut: boolean };

/** Settles within `ms` whatever the promise does: its value, its error, or a timeout. */
export function within<T>(promise: Promise<T>, ms: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: new Error(`no answer within ${ms} ms`), timedOut: true }), ms);
  });
  const settled = promise.then(
    (value): Outcome<T> => ({ ok: true, value }),
    (error: unknown): Outcome<T> => ({ ok: false, error, timedOut: false }),
  );
  return Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
}
