import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an `Authorization` header may read the metrics: always when no token is configured,
 * else only `Bearer <token>`. Compared as digests, so neither the token's length nor its
 * content leaks through timing.
 */
export function mayScrapeMetrics(authorization: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const given = /^Bearer +(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  if (given === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}
