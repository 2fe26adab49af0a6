import jwt from 'jsonwebtoken';
import { DEFAULT_JWT_AUDIENCE } from './auth.config';
import type { PrincipalRole } from './principal-role';

export interface MintTokenOptions {
  readonly sub: string;
  readonly role: PrincipalRole;
  /** Seconds, or a number with a unit: `90s`, `30m`, `8h`, `7d`. Default 8h, a working day. */
  readonly ttl?: string | number;
  /** JWT_SECRET, or the secret the one-machine mode generated. */
  readonly secret: string;
  readonly audience?: string;
  readonly issuer?: string;
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/** An HS256 token the API accepts when it verifies with `secret`. */
export function mintToken(options: MintTokenOptions): string {
  return jwt.sign({ role: options.role }, options.secret, {
    algorithm: 'HS256',
    subject: options.sub,
    audience: options.audience ?? DEFAULT_JWT_AUDIENCE,
    expiresIn: ttlSeconds(options.ttl ?? '8h'),
    ...(options.issuer !== undefined ? { issuer: options.issuer } : {}),
  });
}

export function ttlSeconds(ttl: string | number): number {
  if (typeof ttl === 'number' && Number.isInteger(ttl) && ttl > 0) return ttl;
  const match = typeof ttl === 'string' ? /^(\d+)([smhd]?)$/.exec(ttl.trim()) : null;
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2] || 's'] : 0;
  if (!(seconds > 0)) throw new Error(`ttl must be a positive number of seconds or like 30m, 8h, 7d; got "${ttl}"`);
  return seconds;
}
