/** Settings of the edge's protections, read once at start; a wrong value stops the process, naming the variable. */
export interface EdgeSecurityConfig {
  /** Strict-Transport-Security max-age; 0 sends no header (an API reached over plain HTTP on purpose). */
  readonly hstsMaxAgeSeconds: number;
  /** Browser origins allowed by CORS; empty: no CORS headers at all, `*`: any origin (tokens travel in headers, never cookies). */
  readonly corsOrigins: readonly string[];
  /** null: no rate limiting (RATE_LIMIT_PER_SECOND=0). */
  readonly rateLimit: RateLimitConfig | null;
}

export interface BucketSize {
  readonly perSecond: number;
  readonly burst: number;
}

export interface RateLimitConfig {
  /** People (operators, supervisors, admins, auditors) by principal, and anonymous requests by IP. */
  readonly principal: BucketSize;
  /** Channel integrations speak for many clients at once: a budget of their own. */
  readonly service: BucketSize;
}

export const EDGE_SECURITY_CONFIG = Symbol('EdgeSecurityConfig');

const wholeNumber = (env: NodeJS.ProcessEnv, variable: string, fallback: number, min: number, max: number): number => {
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) throw new Error(`${variable} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return value;
};

export function edgeSecurityConfigFrom(env: NodeJS.ProcessEnv): EdgeSecurityConfig {
  const perSecond = wholeNumber(env, 'RATE_LIMIT_PER_SECOND', 50, 0, 1_000_000);
  const burst = wholeNumber(env, 'RATE_LIMIT_BURST', 200, 1, 1_000_000);
  const servicePerSecond = wholeNumber(env, 'RATE_LIMIT_SERVICE_PER_SECOND', 500, 1, 1_000_000);
  const serviceBurst = wholeNumber(env, 'RATE_LIMIT_SERVICE_BURST', 1_000, 1, 1_000_000);
  return {
    hstsMaxAgeSeconds: wholeNumber(env, 'HSTS_MAX_AGE_SECONDS', 31_536_000, 0, 63_072_000),
    corsOrigins: corsOriginsFrom(env.CORS_ORIGINS),
    rateLimit: perSecond === 0 ? null : { principal: { perSecond, burst }, service: { perSecond: servicePerSecond, burst: serviceBurst } },
  };
}

function corsOriginsFrom(raw: string | undefined): readonly string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    if (origin === '*') continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    // An origin is scheme://host[:port], nothing more: a path or a trailing slash never matches a browser's Origin.
    if (parsed === undefined || parsed.origin !== origin) throw new Error(`CORS_ORIGINS must list origins like https://inbox.example.com, not "${origin}"`);
  }
  if (origins.includes('*') && origins.length > 1) throw new Error('CORS_ORIGINS is either * or a list of origins, not both');
  return origins;
}
