import type { Actor } from '@switchboard/dialogs';
import { problems } from '../errors/problems';
import { ISO_DATE_TIME_PATTERN } from '../validation/limits';

export const OCCURRED_AT_FIELD = 'occurredAt';

/**
 * A channel may report when something really happened (a message delivered late); nobody else
 * may backdate the log. So `occurredAt` is accepted only from service principals, and only
 * where the route allows it (opening a dialog, a client or bot message).
 */
export function occurredAtOf(body: unknown, actor: Actor, allowedOnRoute: boolean): Date | undefined {
  if (typeof body !== 'object' || body === null || !(OCCURRED_AT_FIELD in body)) return undefined;
  if (!allowedOnRoute || actor.kind !== 'service') {
    throw problems.fieldForbidden(
      'occurred_at_not_allowed',
      OCCURRED_AT_FIELD,
      'only service principals may set it, when opening a dialog or posting a client or bot message',
    );
  }
  const raw: unknown = (body as Record<string, unknown>)[OCCURRED_AT_FIELD];
  const at = typeof raw === 'string' && ISO_DATE_TIME_PATTERN.test(raw) ? new Date(raw) : undefined;
  if (at === undefined || Number.isNaN(at.getTime())) {
    throw problems.invalidField(OCCURRED_AT_FIELD, 'must be an ISO 8601 date and time with an offset, e.g. 2025-01-31T12:00:00Z');
  }
  return at;
}
