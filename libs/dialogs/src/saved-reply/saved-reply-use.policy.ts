import type { Actor } from '../shared/actor';
import { savedReplyErrors } from './saved-reply.errors';
import type { SavedReplyState } from './saved-reply.state';

/**
 * What naming a saved reply in a message needs to know of it: its stream's state, and whether
 * the line it is for was deleted since (a line's deletion hides its replies).
 */
export type SavedReplyUsability = Readonly<{ reply: SavedReplyState; lineDeleted: boolean }>;

/**
 * An operator may name the replies their picker shows them: the team's and their own, not
 * deleted, for a line that still exists. Another person's personal reply is "not found", as
 * everywhere else: its owner alone knows it exists.
 */
export function requireUsable(actor: Actor, savedReplyId: string, usability: SavedReplyUsability): void {
  const { reply, lineDeleted } = usability;
  if (!reply.exists || (reply.scope === 'personal' && reply.ownerId !== actor.id)) throw savedReplyErrors.notUsable(savedReplyId, 'not_found');
  if (reply.deleted) throw savedReplyErrors.notUsable(savedReplyId, 'deleted');
  if (lineDeleted) throw savedReplyErrors.notUsable(savedReplyId, 'line_deleted');
}
