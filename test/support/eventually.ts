/**
 * Polls until `read` returns a value that `done` accepts, or the deadline passes (then returns the last value, for the
 * test's assertion to explain). Log readers only see transactions older than every transaction running anywhere on the
 * server, so on a shared server (parallel test files, other clients) what is committed becomes readable a little later.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, deadlineMs = 30_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
