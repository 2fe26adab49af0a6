import type { CommandMetadata } from '@switchboard/dialogs';
import type { RequestContext } from '../request-context';

/** The actor and the instant a domain command is decided for. */
export function commandMetadataOf(context: RequestContext): CommandMetadata {
  return { actor: context.actor, occurredAt: context.occurredAt ?? new Date() };
}
