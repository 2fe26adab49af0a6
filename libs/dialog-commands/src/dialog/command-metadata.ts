import type { CommandMetadata } from '@switchboard/dialogs';
import type { RequestContext } from '../request-context';

/**
 * The actor and the instant a domain command is decided for, taken anew for every attempt. A
 * service may name the instant (a channel's timestamp); otherwise it is now, but never before
 * the stream's last event: clocks of two API processes differ a little, and a time the server
 * chose must not be refused as going back in time.
 */
export function commandMetadataOf(context: RequestContext, lastOccurredAt?: Date | null): CommandMetadata {
  if (context.occurredAt) return { actor: context.actor, occurredAt: context.occurredAt };
  const now = new Date();
  const occurredAt = lastOccurredAt && lastOccurredAt > now ? lastOccurredAt : now;
  return { actor: context.actor, occurredAt };
}
