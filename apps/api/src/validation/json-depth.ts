/**
 * Whether a parsed JSON value nests deeper than `maxDepth`. Iterative, because the point is to
 * refuse bodies whose depth would overflow the stack of recursive code (class-transformer,
 * class-validator) before they reach it.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= maxDepth) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}
