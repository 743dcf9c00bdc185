/** Ends every switch over a union: adding a member fails the build until the switch handles it. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
