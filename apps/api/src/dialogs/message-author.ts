import type { Actor, MessageAuthorInput } from '@switchboard/dialogs';
import { problems } from '../errors/problems';
import type { SendMessageDto } from './dto/send-message.dto';

const staff: readonly string[] = ['operator', 'supervisor', 'admin'];

/**
 * Who may speak as whom: a service (a channel, a bot runner) speaks for the client or a bot;
 * staff speak as themselves. The operator's id is the actor's, never the body's.
 */
export function messageAuthorOf(body: SendMessageDto, actor: Actor): MessageAuthorInput {
  if (body.author === 'operator') {
    if (!staff.includes(actor.kind)) throw notAllowed(actor, 'operator messages come from operators, supervisors and admins');
    return { kind: 'operator' };
  }
  if (actor.kind !== 'service') throw notAllowed(actor, 'staff post as "operator"; client and bot messages come from service principals');
  if (body.author === 'client') return { kind: 'client' };
  if (body.botId === undefined) throw problems.invalidField('botId', 'botId is required when author is "bot"');
  return { kind: 'bot', botId: body.botId };
}

const notAllowed = (actor: Actor, reason: string) =>
  problems.fieldForbidden('author_not_allowed', 'author', `a ${actor.kind} may not post this author: ${reason}`);
