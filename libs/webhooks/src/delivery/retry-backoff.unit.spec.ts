import { retryDelayMs } from './retry-backoff';

describe('retry backoff', () => {
  const policy = { retryBaseMs: 1000, retryMaxMs: 60_000 };

  it('doubles per failure between half and all of the ceiling', () => {
    const lowest = [1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 0));
    const highest = [1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 0.999999));
    expect(lowest).toEqual([500, 1000, 2000, 4000]);
    expect(highest).toEqual([1000, 2000, 4000, 8000]);
  });

  it('stops growing at the maximum, also after very many failures', () => {
    expect(retryDelayMs(7, policy, () => 0.999999)).toBe(60_000);
    expect(retryDelayMs(1000, policy, () => 0)).toBe(30_000);
  });

  it('spreads retries that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(5, policy)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(8000);
      expect(delay).toBeLessThanOrEqual(16_000);
    }
  });

  it('refuses an attempt number that is not a positive integer', () => {
    expect(() => retryDelayMs(0, policy)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5, policy)).toThrow(RangeError);
  });
});
