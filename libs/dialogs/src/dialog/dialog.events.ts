import type { Event } from '../shared/event';
import type {
  AssignmentReason,
  Attachment,
  ClientRef,
  CrmLink,
  DialogDirection,
  JoinReason,
  LeaveReason,
  MessageAuthor,
  UnassignmentReason,
} from './dialog.values';

// Optional facts are recorded as explicit nulls and falses so that every consumer sees the same
// shape; who issued the command travels in the stored event's metadata, not here.
type DialogFact<Type extends string, Data = unknown> = Event<Type, Data & { dialogId: string; occurredAt: string }>;

export type DialogOpened = DialogFact<
  'DialogOpened',
  {
    direction: DialogDirection;
    channel: string;
    lineId: string;
    client: ClientRef;
    pageUrl: string | null;
    formFilled: boolean;
    historyRequested: boolean;
    // Set when the client wrote to a closed dialog and this one continues the conversation.
    previousDialogId: string | null;
  }
>;
export type MessageSent = DialogFact<'MessageSent', { messageId: string; author: MessageAuthor; text: string; attachments: readonly Attachment[] }>;
// Beside the MessageSent it was used in: the message is the conversation, this is a fact about
// the operator's work, counted by the saved-reply statistics. lineId is the dialog's line then.
export type SavedReplyUsed = DialogFact<'SavedReplyUsed', { messageId: string; savedReplyId: string; operatorId: string; lineId: string }>;
export type NoteAdded = DialogFact<'NoteAdded', { noteId: string; operatorId: string; text: string }>;
export type OperatorAssigned = DialogFact<'OperatorAssigned', { operatorId: string; previousOperatorId: string | null; reason: AssignmentReason }>;
export type OperatorUnassigned = DialogFact<'OperatorUnassigned', { previousOperatorId: string; reason: UnassignmentReason }>;
export type DialogTakenIntoWork = DialogFact<'DialogTakenIntoWork', { operatorId: string }>;
export type ParticipantJoined = DialogFact<'ParticipantJoined', { operatorId: string; reason: JoinReason }>;
export type ParticipantLeft = DialogFact<'ParticipantLeft', { operatorId: string; reason: LeaveReason }>;
export type DialogTransferredToLine = DialogFact<'DialogTransferredToLine', { fromLineId: string; toLineId: string }>;
export type TagAdded = DialogFact<'TagAdded', { tag: string }>;
export type TagRemoved = DialogFact<'TagRemoved', { tag: string }>;
export type DialogPinned = DialogFact<'DialogPinned', { operatorId: string }>;
// operatorId: whom the dialog was pinned to until now.
export type DialogUnpinned = DialogFact<'DialogUnpinned', { operatorId: string }>;
export type CrmLinkSet = DialogFact<'CrmLinkSet', { crmLink: CrmLink }>;
// closedBy is null when the system closed it (a timeout, an automation), which keeps
// "closed by operator" metrics to real operators.
export type DialogClosed = DialogFact<'DialogClosed', { closedBy: string | null; awaitingRating: boolean }>;
export type DialogClosedAsSpam = DialogFact<'DialogClosedAsSpam', { closedBy: string | null }>;
// reopenedBy since version 2, like closedBy: null when the system reopened it.
export type DialogReopened = DialogFact<'DialogReopened', { reopenedBy: string | null }>;
export type ClientRatedDialog = DialogFact<'ClientRatedDialog', { rating: number; comment: string | null }>;
export type DialogReviewed = DialogFact<'DialogReviewed', { reviewerId: string; score: number; comment: string }>;
// The read models drop the dialog; its events, this one included, stay for the audit.
export type DialogDeleted = DialogFact<'DialogDeleted', { deletedBy: string; reason: string }>;

export type DialogEvent =
  | DialogOpened
  | MessageSent
  | SavedReplyUsed
  | NoteAdded
  | OperatorAssigned
  | OperatorUnassigned
  | DialogTakenIntoWork
  | ParticipantJoined
  | ParticipantLeft
  | DialogTransferredToLine
  | TagAdded
  | TagRemoved
  | DialogPinned
  | DialogUnpinned
  | CrmLinkSet
  | DialogClosed
  | DialogClosedAsSpam
  | DialogReopened
  | ClientRatedDialog
  | DialogReviewed
  | DialogDeleted;

export type DialogEventType = DialogEvent['type'];

export const dialogEventSchemaVersions: Readonly<Record<DialogEventType, number>> = {
  DialogOpened: 1,
  MessageSent: 1,
  SavedReplyUsed: 1,
  NoteAdded: 1,
  OperatorAssigned: 1,
  OperatorUnassigned: 1,
  DialogTakenIntoWork: 1,
  ParticipantJoined: 1,
  ParticipantLeft: 1,
  DialogTransferredToLine: 1,
  TagAdded: 1,
  TagRemoved: 1,
  DialogPinned: 1,
  DialogUnpinned: 1,
  CrmLinkSet: 1,
  DialogClosed: 1,
  DialogClosedAsSpam: 1,
  DialogReopened: 2,
  ClientRatedDialog: 1,
  DialogReviewed: 1,
  DialogDeleted: 1,
};
