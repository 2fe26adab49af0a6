import {
  fivePointScore,
  flag,
  identifier,
  instant,
  listOf,
  nullable,
  oneOf,
  record,
  text,
  uuid,
  type EventSchemaEntry,
  type JsonSchema,
} from '../shared/json-schema';
import type { DialogEventType } from './dialog.events';
import {
  MAX_DELETION_REASON,
  assignmentReasons,
  crmLinkKinds,
  dialogDirections,
  joinReasons,
  leaveReasons,
  publicAuthorKinds,
  unassignmentReasons,
} from './dialog.values';

// Dialog ids are UUIDs (streams are dialog-<uuid>): the API refuses anything else and makes new
// ones with randomUUID, so consumers may key on them as UUIDs.
const dialogData = (properties: Readonly<Record<string, JsonSchema>> = {}): JsonSchema => record({ dialogId: uuid, ...properties, occurredAt: instant });

const attachment = record({ name: identifier, contentType: text, sizeBytes: { type: 'integer', minimum: 0 }, url: nullable(text) });
const operatorId = identifier;

export const dialogEventSchemas: Readonly<Record<DialogEventType, EventSchemaEntry>> = {
  DialogOpened: {
    description: 'A conversation began; previousDialogId links the closed dialog it continues.',
    versions: {
      1: dialogData({
        direction: oneOf(dialogDirections),
        channel: identifier,
        lineId: identifier,
        client: record({ id: identifier, name: nullable(text) }),
        pageUrl: nullable(text),
        formFilled: flag,
        historyRequested: flag,
        previousDialogId: nullable(uuid),
      }),
    },
  },
  MessageSent: {
    description: 'A public message by the client, a bot or an operator.',
    versions: {
      1: dialogData({
        messageId: identifier,
        author: record({ kind: oneOf(publicAuthorKinds), id: identifier }),
        text,
        attachments: listOf(attachment),
      }),
    },
  },
  SavedReplyUsed: {
    description: 'An operator message (messageId) was made from a saved reply; lineId is the dialog’s line then. For the saved-reply statistics.',
    versions: { 1: dialogData({ messageId: identifier, savedReplyId: uuid, operatorId, lineId: identifier }) },
  },
  NoteAdded: {
    description: 'An internal note by an operator, never shown to the client.',
    versions: { 1: dialogData({ noteId: identifier, operatorId, text: { type: 'string', pattern: '\\S' } }) },
  },
  OperatorAssigned: {
    description: 'The dialog was given to an operator; previousOperatorId is whom it was taken from.',
    versions: {
      1: dialogData({ operatorId, previousOperatorId: nullable(identifier), reason: oneOf(assignmentReasons) }),
    },
  },
  OperatorUnassigned: {
    description: 'The dialog went back to its line’s queue.',
    versions: { 1: dialogData({ previousOperatorId: identifier, reason: oneOf(unassignmentReasons) }) },
  },
  DialogTakenIntoWork: {
    description: 'The assigned operator started working on the dialog.',
    versions: { 1: dialogData({ operatorId }) },
  },
  ParticipantJoined: {
    description: 'An operator other than the assignee joined the dialog.',
    versions: { 1: dialogData({ operatorId, reason: oneOf(joinReasons) }) },
  },
  ParticipantLeft: {
    description: 'A participant left the dialog.',
    versions: { 1: dialogData({ operatorId, reason: oneOf(leaveReasons) }) },
  },
  DialogTransferredToLine: {
    description: 'The dialog moved to another line’s queue.',
    versions: { 1: dialogData({ fromLineId: identifier, toLineId: identifier }) },
  },
  TagAdded: { description: 'A tag (trimmed) was added.', versions: { 1: dialogData({ tag: identifier }) } },
  TagRemoved: { description: 'A tag was removed.', versions: { 1: dialogData({ tag: identifier }) } },
  DialogPinned: { description: 'The dialog was pinned to an operator.', versions: { 1: dialogData({ operatorId }) } },
  DialogUnpinned: {
    description: 'The pin was removed; operatorId is whom it was pinned to.',
    versions: { 1: dialogData({ operatorId }) },
  },
  CrmLinkSet: {
    description: 'The dialog was linked to a CRM contact, deal or order (replacing any earlier link).',
    versions: { 1: dialogData({ crmLink: record({ kind: oneOf(crmLinkKinds), id: identifier, url: nullable(text) }) }) },
  },
  DialogClosed: {
    description: 'The dialog was closed; closedBy is null when the system closed it, awaitingRating keeps it closing until the rating or its timeout.',
    versions: { 1: dialogData({ closedBy: nullable(identifier), awaitingRating: flag }) },
  },
  DialogClosedAsSpam: {
    description: 'The dialog was force-closed as spam.',
    versions: { 1: dialogData({ closedBy: nullable(identifier) }) },
  },
  DialogReopened: {
    description: 'A closed dialog was reopened; reopenedBy (version 2) is null when the system reopened it.',
    versions: {
      1: dialogData(),
      2: dialogData({ reopenedBy: nullable(identifier) }),
    },
  },
  ClientRatedDialog: {
    description: 'The client rated the dialog, 1 to 5.',
    versions: { 1: dialogData({ rating: fivePointScore, comment: nullable(text) }) },
  },
  DialogReviewed: {
    description: 'A supervisor reviewed the dialog, 1 to 5.',
    versions: { 1: dialogData({ reviewerId: identifier, score: fivePointScore, comment: text }) },
  },
  DialogDeleted: {
    description: 'An admin deleted the dialog, saying why: every read model drops it, its events stay in the log.',
    versions: { 1: dialogData({ deletedBy: identifier, reason: { type: 'string', pattern: '\\S', maxLength: MAX_DELETION_REASON } }) },
  },
};
