import { assertNever } from '../shared/assert-never';
import type { SavedReplyEvent } from './saved-reply.events';
import type { SavedReplyState } from './saved-reply.state';

export function evolveSavedReply(state: SavedReplyState, event: SavedReplyEvent): SavedReplyState {
  if (event.type === 'SavedReplyCreated') {
    const { savedReplyId, scope, ownerId, title, text, lineId } = event.data;
    return { exists: true, savedReplyId, scope, ownerId, content: { title, text, lineId }, deleted: false };
  }
  // A stream never starts with anything else; tolerating it keeps replays from crashing.
  if (!state.exists) return state;
  switch (event.type) {
    case 'SavedReplyEdited': {
      const { title, text, lineId } = event.data;
      return { ...state, content: { title, text, lineId } };
    }
    case 'SavedReplyDeleted':
      return { ...state, deleted: true };
    default:
      return assertNever(event);
  }
}
