import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@switchboard/dialogs';
import type { Request, Response } from 'express';
import { ProblemError } from '../errors/problem';
import { EDGE_SECURITY_CONFIG, type EdgeSecurityConfig } from './edge-security.config';
import { TokenBuckets, type Take } from './token-buckets';

export const RATE_LIMIT_HEADERS = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy'] as const;

/**
 * Charges every request once: to its principal (role and sub) once authenticated, else to its
 * IP (public routes, refused tokens). In-process: behind several API instances each keeps its
 * own buckets, so a principal's budget is the per-instance one times the instances it reaches.
 */
@Injectable()
export class RequestRateLimiter {
  private readonly people: TokenBuckets | undefined;
  private readonly services: TokenBuckets | undefined;

  constructor(@Inject(EDGE_SECURITY_CONFIG) config: EdgeSecurityConfig) {
    this.people = config.rateLimit ? new TokenBuckets(config.rateLimit.principal) : undefined;
    this.services = config.rateLimit ? new TokenBuckets(config.rateLimit.service) : undefined;
  }

  /** Sets the RateLimit headers; throws a 429 problem when the bucket is empty. */
  charge(request: Request, response: Response, actor?: Actor): void {
    const buckets = actor?.kind === 'service' ? this.services : this.people;
    if (buckets === undefined) return;
    const take = buckets.take(actor ? `${actor.kind}:${actor.id}` : `ip:${request.ip ?? 'unknown'}`);
    setRateLimitHeaders(response, buckets, take);
    if (!take.allowed) {
      throw new ProblemError(429, 'rate_limited', `Too many requests; retry after ${take.retryAfterSeconds} s`, {
        headers: { 'Retry-After': String(take.retryAfterSeconds) },
      });
    }
  }
}

// draft-ietf-httpapi-ratelimit-headers (the widely deployed separate-field form).
function setRateLimitHeaders(response: Response, buckets: TokenBuckets, take: Take): void {
  const { burst, perSecond } = buckets.size;
  response.setHeader('RateLimit-Limit', String(burst));
  response.setHeader('RateLimit-Remaining', String(take.remaining));
  response.setHeader('RateLimit-Reset', String(take.resetSeconds));
  response.setHeader('RateLimit-Policy', `${burst};w=${Math.max(1, Math.ceil(burst / perSecond))}`);
}
