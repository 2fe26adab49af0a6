import type { Event } from '../shared/event';
import type { SavedReplyScope } from './saved-reply.values';

type SavedReplyFact<Type extends string, Data = unknown> = Event<Type, Data & { savedReplyId: string; occurredAt: string }>;

// ownerId is null for a team reply; createdBy is who wrote it, whatever its scope.
export type SavedReplyCreated = SavedReplyFact<
  'SavedReplyCreated',
  { scope: SavedReplyScope; ownerId: string | null; createdBy: string; title: string; text: string; lineId: string | null }
>;
export type SavedReplyEdited = SavedReplyFact<'SavedReplyEdited', { editedBy: string; title: string; text: string; lineId: string | null }>;
export type SavedReplyDeleted = SavedReplyFact<'SavedReplyDeleted', { deletedBy: string }>;

export type SavedReplyEvent = SavedReplyCreated | SavedReplyEdited | SavedReplyDeleted;

export type SavedReplyEventType = SavedReplyEvent['type'];

export const savedReplyEventSchemaVersions: Readonly<Record<SavedReplyEventType, number>> = {
  SavedReplyCreated: 1,
  SavedReplyEdited: 1,
  SavedReplyDeleted: 1,
};
