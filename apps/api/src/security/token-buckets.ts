import type { BucketSize } from './edge-security.config';

export interface Take {
  readonly allowed: boolean;
  /** Whole requests left right now. */
  readonly remaining: number;
  /** Seconds until the next request is allowed (0 when allowed). */
  readonly retryAfterSeconds: number;
  /** Seconds until the bucket is full again. */
  readonly resetSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

// Past this many keys, buckets that have refilled are forgotten: they would answer as new ones.
const SWEEP_ABOVE = 10_000;

/** Token buckets by key: `burst` requests at once, refilled at `perSecond`. Pure but for the clock given. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly size: BucketSize,
    private readonly nowMs: () => number = Date.now,
  ) {}

  take(key: string): Take {
    const now = this.nowMs();
    if (this.buckets.size > SWEEP_ABOVE) this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.size.burst, at: now };
    bucket.tokens = this.refilled(bucket, now);
    bucket.at = now;
    this.buckets.set(key, bucket);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const toFull = (this.size.burst - bucket.tokens) / this.size.perSecond;
    return {
      allowed,
      remaining: Math.floor(bucket.tokens),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / this.size.perSecond)),
      resetSeconds: Math.ceil(toFull),
    };
  }

  private refilled(bucket: Bucket, now: number): number {
    return Math.min(this.size.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.size.perSecond);
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) if (this.refilled(bucket, now) >= this.size.burst) this.buckets.delete(key);
  }
}
