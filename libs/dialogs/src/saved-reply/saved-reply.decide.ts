import type { Actor } from '../shared/actor';
import { assertNever } from '../shared/assert-never';
import { occurredAtOf } from '../shared/occurred-at';
import { requireNonBlank } from '../shared/validation';
import type { CreateSavedReply, SavedReplyCommand } from './saved-reply.commands';
import { savedReplyErrors } from './saved-reply.errors';
import type { SavedReplyEvent } from './saved-reply.events';
import { mayKeep } from './saved-reply-ownership.policy';
import type { ExistingSavedReplyState, SavedReplyState } from './saved-reply.state';
import { MAX_SAVED_REPLY_TEXT, MAX_SAVED_REPLY_TITLE, type SavedReplyContent } from './saved-reply.values';

export function decideSavedReply(command: SavedReplyCommand, state: SavedReplyState): SavedReplyEvent[] {
  const occurredAt = occurredAtOf(command);
  const { actor } = command.metadata;
  switch (command.type) {
    case 'CreateSavedReply':
      return createSavedReply(command, state, occurredAt);
    case 'EditSavedReply': {
      const { savedReplyId, ...content } = command.data;
      const reply = requireKept(state, savedReplyId, actor);
      requireValidContent(content);
      // The same words again are no edit: a retried save records nothing.
      if (sameContent(reply.content, content)) return [];
      return [{ type: 'SavedReplyEdited', data: { savedReplyId, editedBy: actor.id, ...contentOf(content), occurredAt } }];
    }
    case 'DeleteSavedReply': {
      const { savedReplyId } = command.data;
      requireKept(state, savedReplyId, actor);
      return [{ type: 'SavedReplyDeleted', data: { savedReplyId, deletedBy: actor.id, occurredAt } }];
    }
    default:
      return assertNever(command);
  }
}

function createSavedReply(command: CreateSavedReply, state: SavedReplyState, occurredAt: string): SavedReplyEvent[] {
  const { savedReplyId, scope, ...content } = command.data;
  const { actor } = command.metadata;
  if (state.exists) throw savedReplyErrors.alreadyExists(savedReplyId);
  const ownerId = scope === 'personal' ? actor.id : null;
  if (!mayKeep(actor, { scope, ownerId })) throw savedReplyErrors.teamRepliesForLeads();
  requireValidContent(content);
  return [{ type: 'SavedReplyCreated', data: { savedReplyId, scope, ownerId, createdBy: actor.id, ...contentOf(content), occurredAt } }];
}

// A personal reply of someone else answers not_found rather than forbidden: its owner alone
// knows it exists.
function requireKept(state: SavedReplyState, savedReplyId: string, actor: Actor): ExistingSavedReplyState {
  if (!state.exists) throw savedReplyErrors.notFound(savedReplyId);
  if (!mayKeep(actor, state)) {
    throw state.scope === 'personal' ? savedReplyErrors.notFound(savedReplyId) : savedReplyErrors.notYours(savedReplyId);
  }
  if (state.deleted) throw savedReplyErrors.deleted(savedReplyId);
  return state;
}

function requireValidContent(content: SavedReplyContent): void {
  requireNonBlank({ title: content.title, text: content.text });
  if (content.title.length > MAX_SAVED_REPLY_TITLE) throw savedReplyErrors.tooLong('title', MAX_SAVED_REPLY_TITLE);
  if (content.text.length > MAX_SAVED_REPLY_TEXT) throw savedReplyErrors.tooLong('text', MAX_SAVED_REPLY_TEXT);
  if (content.lineId !== null) requireNonBlank({ lineId: content.lineId });
}

// Only the three fields, whatever else the command carried.
const contentOf = ({ title, text, lineId }: SavedReplyContent): SavedReplyContent => ({ title, text, lineId });

const sameContent = (a: SavedReplyContent, b: SavedReplyContent): boolean => a.title === b.title && a.text === b.text && a.lineId === b.lineId;
