/** Exhaustiveness check for switches over tagged unions: adding a case fails the build until it is handled. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
