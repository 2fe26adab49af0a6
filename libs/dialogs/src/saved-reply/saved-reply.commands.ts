import type { Command, Request } from '../shared/command';
import type { SavedReplyContent, SavedReplyScope } from './saved-reply.values';

// The owner of a personal reply is the actor who creates it, never a field of the request.
export type CreateSavedReply = Command<'CreateSavedReply', { savedReplyId: string; scope: SavedReplyScope } & SavedReplyContent>;
// The whole content is given again: an edit is a replacement, as PUT says.
export type EditSavedReply = Command<'EditSavedReply', { savedReplyId: string } & SavedReplyContent>;
export type DeleteSavedReply = Command<'DeleteSavedReply', { savedReplyId: string }>;

export type SavedReplyCommand = CreateSavedReply | EditSavedReply | DeleteSavedReply;

export type SavedReplyRequest = Request<SavedReplyCommand>;
