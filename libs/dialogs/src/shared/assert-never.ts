// Sits in the default branch of every switch over a union: adding a member then fails the build
// until every switch handles it.
export function assertNever(value: never): never {
  throw new Error(`Unhandled union member: ${JSON.stringify(value)}`);
}
