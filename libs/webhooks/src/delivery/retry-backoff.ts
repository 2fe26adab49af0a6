export interface BackoffPolicy {
  retryBaseMs: number;
  retryMaxMs: number;
}

/**
 * The wait after the `failedAttempt`-th failure (1 for the first): the base doubled per failure,
 * capped, of which a random half is kept ("equal jitter"). The fixed half makes waits grow
 * reliably; the random half keeps many subscriptions that failed together (a receiver's outage)
 * from retrying in lockstep. `random` is in [0, 1).
 */
export function retryDelayMs(failedAttempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  if (!Number.isInteger(failedAttempt) || failedAttempt < 1) throw new RangeError(`failedAttempt must be a positive integer, got ${failedAttempt}`);
  // 2 ** 60 would lose precision long after the cap applies; stop doubling early.
  const exponential = policy.retryBaseMs * 2 ** Math.min(failedAttempt - 1, 40);
  const ceiling = Math.min(policy.retryMaxMs, exponential);
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}
