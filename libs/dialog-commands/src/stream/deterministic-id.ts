import { createHash } from 'node:crypto';

// Switchboard's own namespace for name-based ids; changing it would change every derived id.
const SWITCHBOARD_NAMESPACE = 'a3f1c2d4-6b7e-4f80-9c1d-2e3f4a5b6c7d';

/**
 * A UUID version 5 (RFC 9562: SHA-1 of namespace and name): the same name always gives the
 * same id, which is what makes a retried request with the same Idempotency-Key record nothing
 * twice.
 */
export function deterministicId(name: string, namespace: string = SWITCHBOARD_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
