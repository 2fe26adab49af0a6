import { problems } from '../errors/problems';

// Printable ASCII only: the key ends up in event metadata and logs, byte for byte.
const IDEMPOTENCY_KEY = /^[\x20-\x7E]{1,200}$/;

/** The `Idempotency-Key` header, or undefined when there is none. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header)) {
    throw problems.invalidField('Idempotency-Key', 'must be 1-200 printable ASCII characters');
  }
  return header;
}
