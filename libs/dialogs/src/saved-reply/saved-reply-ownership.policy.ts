import type { Actor } from '../shared/actor';
import type { SavedReplyScope } from './saved-reply.values';

const leads: readonly Actor['kind'][] = ['supervisor', 'admin'];

/**
 * Who keeps a reply: a team reply is every supervisor's and admin's to change, since the team
 * answers with it; a personal one only its owner's, whatever their role, since nobody else sees it.
 */
export function mayKeep(actor: Actor, reply: Readonly<{ scope: SavedReplyScope; ownerId: string | null }>): boolean {
  return reply.scope === 'team' ? leads.includes(actor.kind) : reply.ownerId === actor.id;
}
