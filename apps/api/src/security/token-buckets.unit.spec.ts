import { TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  let now = 0;
  const buckets = () => new TokenBuckets({ perSecond: 2, burst: 3 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows a burst, then refuses with the wait until the next token', () => {
    const limiter = buckets();
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1, resetSeconds: 2 });
  });

  it('keeps one bucket per key', () => {
    const limiter = buckets();
    for (let i = 0; i < 3; i += 1) limiter.take('a');
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b')).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('refills at the rate, never above the burst', () => {
    const limiter = buckets();
    for (let i = 0; i < 3; i += 1) limiter.take('a');
    now += 500;
    expect(limiter.take('a')).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.take('a').allowed).toBe(false);
    now += 60_000;
    expect(limiter.take('a')).toMatchObject({ allowed: true, remaining: 2 });
  });
});
