/** How long a process may take to finish its requests and close the database before it exits regardless. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * SIGTERM or SIGINT runs `close` once, then exits 0; if closing takes longer than the deadline (a request stuck on the
 * database) or a second signal arrives (an operator pressing Ctrl-C again), the process exits 1 at once.
 * Nothing acknowledged is lost by a forced exit: a write is acknowledged only after its commit.
 */
export function exitOnSignals(close: () => Promise<void>, log: (line: string) => void, deadlineMs = SHUTDOWN_DEADLINE_MS): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
    log(`${signal}: finishing requests in progress (at most ${deadlineMs / 1000} s; send it again to exit now)`);
    setTimeout(() => {
      log(`still closing after ${deadlineMs / 1000} s: exiting now`);
      process.exit(1);
    }, deadlineMs).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`closing failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
