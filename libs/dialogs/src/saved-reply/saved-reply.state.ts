import type { SavedReplyContent, SavedReplyScope } from './saved-reply.values';

// The content is kept so that saving the same words again records nothing.
export type ExistingSavedReplyState = Readonly<{
  exists: true;
  savedReplyId: string;
  scope: SavedReplyScope;
  ownerId: string | null;
  content: SavedReplyContent;
  deleted: boolean;
}>;

export type SavedReplyState = Readonly<{ exists: false }> | ExistingSavedReplyState;

export const initialSavedReplyState: SavedReplyState = { exists: false };
