import { problems } from '../errors/problems';

// `"5"`, `W/"5"` or a bare `5`. Weak tags are accepted because proxies weaken ETags on the way;
// the number is what matters. 19 digits keep the value inside a signed 64-bit revision.
const REVISION_TAG = /^(?:W\/)?(?:"(\d{1,19})"|(\d{1,19}))$/;
const MAX_REVISION = 2n ** 63n - 1n;

/** The stream revision an `If-Match` header names, or undefined when there is none. */
export function expectedRevisionOf(header: string | string[] | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  const match = typeof header === 'string' ? REVISION_TAG.exec(header.trim()) : null;
  const digits = match?.[1] ?? match?.[2];
  const revision = digits === undefined ? undefined : BigInt(digits);
  if (revision === undefined || revision > MAX_REVISION) {
    throw problems.invalidField('If-Match', 'must be one stream revision, as the ETag "5" (or W/"5", or 5)');
  }
  return revision;
}
