import { identifier, instant, nullable, oneOf, record, text, uuid, type EventSchemaEntry, type JsonSchema } from '../shared/json-schema';
import type { SavedReplyEventType } from './saved-reply.events';
import { MAX_SAVED_REPLY_TEXT, MAX_SAVED_REPLY_TITLE, savedReplyScopes } from './saved-reply.values';

const replyData = (properties: Readonly<Record<string, JsonSchema>>): JsonSchema => record({ savedReplyId: uuid, ...properties, occurredAt: instant });

const content = {
  title: { ...text, minLength: 1, maxLength: MAX_SAVED_REPLY_TITLE },
  text: { ...text, minLength: 1, maxLength: MAX_SAVED_REPLY_TEXT },
  lineId: nullable(identifier),
};

export const savedReplyEventSchemas: Readonly<Record<SavedReplyEventType, EventSchemaEntry>> = {
  SavedReplyCreated: {
    description: 'A canned answer was saved: a team one (ownerId null) or a personal one of ownerId; a null line means every line.',
    versions: { 1: replyData({ scope: oneOf(savedReplyScopes), ownerId: nullable(identifier), createdBy: identifier, ...content }) },
  },
  SavedReplyEdited: { description: 'The saved reply’s whole content was replaced.', versions: { 1: replyData({ editedBy: identifier, ...content }) } },
  SavedReplyDeleted: { description: 'The saved reply was deleted; its events stay, the list drops it.', versions: { 1: replyData({ deletedBy: identifier }) } },
};
