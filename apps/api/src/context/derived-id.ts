import { deterministicId, type RequestContext } from '@switchboard/dialog-commands';
import { randomUUID } from 'node:crypto';

/**
 * The id of what a request creates (a message, a note) when the body names none.
 * With an Idempotency-Key the id is derived from it, scoped to the caller, the kind and the
 * target, so a retry writes the same id and the store records nothing twice; without one, a
 * fresh UUID.
 */
export function derivedId(given: string | undefined, kind: 'message' | 'note', context: RequestContext, target = ''): string {
  if (given !== undefined) return given;
  const key = context.idempotencyKey;
  if (key === undefined) return randomUUID();
  return deterministicId(JSON.stringify([kind, context.actor.kind, context.actor.id, target, key]));
}
