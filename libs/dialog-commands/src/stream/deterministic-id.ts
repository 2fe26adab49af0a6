import { createHash } from 'node:crypto';

/**
 * A UUID (version 5 layout, SHA-1 of a name) that is the same every time for the same name, so a
 * retried request produces the same event ids and the event store records nothing twice.
 */
export function deterministicId(name: string): string {
  const hash = createHash('sha1').update(`switchboard:${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
