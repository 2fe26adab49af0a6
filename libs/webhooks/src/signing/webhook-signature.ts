import { createHmac, timingSafeEqual } from 'node:crypto';

/** The scheme prefix: a new scheme (another hash, key rotation) gets a new version beside it. */
const SCHEME = 'v1';

/**
 * `v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`. The timestamp is signed with the body
 * so that a captured request cannot be replayed later under a fresh timestamp.
 */
export function signatureOf(secret: string, timestamp: string, body: string): string {
  return `${SCHEME}=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** True if `header` carries a v1 signature of this timestamp and body; compared in constant time. */
export function isValidSignature(secret: string, timestamp: string, body: string, header: string): boolean {
  const expected = Buffer.from(signatureOf(secret, timestamp, body));
  return header
    .split(',')
    .map((part) => Buffer.from(part.trim()))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}
