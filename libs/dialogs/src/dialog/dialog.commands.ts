import type { Command, Request } from '../shared/command';
import type { CrmLinkKind, DialogDirection } from './dialog.values';

// Commands carry only what was asked: the edge builds them from the request and the actor. Facts
// other aggregates own (an operator's status, whether a line exists) reach decide beside the
// command, as DialogFacts.
type DialogCommandOf<Type extends string, Data = unknown> = Command<Type, Data & { dialogId: string }>;

export type OpenDialogData = Readonly<{
  dialogId: string;
  direction: DialogDirection;
  channel: string;
  lineId: string;
  client: Readonly<{ id: string; name?: string }>;
  pageUrl?: string;
  formFilled?: boolean;
  historyRequested?: boolean;
  previousDialogId?: string;
}>;

export type AttachmentInput = Readonly<{ name: string; contentType: string; sizeBytes: number; url?: string }>;

// The client's id comes from the dialog itself and an operator's from the actor, so neither can
// be forged in a request body; only a bot names itself.
export type MessageAuthorInput = Readonly<{ kind: 'client' }> | Readonly<{ kind: 'bot'; botId: string }> | Readonly<{ kind: 'operator' }>;

export type OperatorChoice = Readonly<{ operatorId: string }>;

export type OpenDialog = Command<'OpenDialog', OpenDialogData>;
export type SendMessage = DialogCommandOf<
  'SendMessage',
  {
    messageId: string;
    author: MessageAuthorInput;
    text: string;
    attachments?: readonly AttachmentInput[];
    /** An operator's reply: the dialog's revision their screen showed (see lostOnlyTheFirstReplyRace). */
    seenRevision?: bigint;
    /** An operator's reply: the saved reply it was made from, for the statistics. */
    savedReplyId?: string;
  }
>;
export type AddNote = DialogCommandOf<'AddNote', { noteId: string; text: string }>;
export type AssignOperator = DialogCommandOf<'AssignOperator', OperatorChoice | Readonly<{ operatorId: null }>>;
// Issued by the routing process manager after a line recorded DialogRouted.
export type AssignRoutedOperator = DialogCommandOf<'AssignRoutedOperator', OperatorChoice>;
export type TakeIntoWork = DialogCommandOf<'TakeIntoWork'>;
export type JoinDialog = DialogCommandOf<'JoinDialog'>;
export type LeaveDialog = DialogCommandOf<'LeaveDialog'>;
export type TransferToLine = DialogCommandOf<'TransferToLine', { toLineId: string }>;
export type TransferToOperator = DialogCommandOf<'TransferToOperator', OperatorChoice>;
export type AddTag = DialogCommandOf<'AddTag', { tag: string }>;
export type RemoveTag = DialogCommandOf<'RemoveTag', { tag: string }>;
export type PinDialog = DialogCommandOf<'PinDialog', { operatorId: string }>;
export type UnpinDialog = DialogCommandOf<'UnpinDialog'>;
export type SetCrmLink = DialogCommandOf<'SetCrmLink', { crmLink: Readonly<{ kind: CrmLinkKind; id: string; url?: string }> }>;
export type CloseDialog = DialogCommandOf<'CloseDialog', { awaitingRating?: boolean }>;
// Issued by a scheduler when the wait for the client's rating times out.
export type FinishClosing = DialogCommandOf<'FinishClosing'>;
export type ForceCloseAsSpam = DialogCommandOf<'ForceCloseAsSpam'>;
export type ReopenDialog = DialogCommandOf<'ReopenDialog'>;
export type RateDialog = DialogCommandOf<'RateDialog', { rating: number; comment?: string }>;
export type ReviewDialog = DialogCommandOf<'ReviewDialog', { score: number; comment: string }>;
// An admin takes the dialog out of every read model; the events stay in the log.
export type DeleteDialog = DialogCommandOf<'DeleteDialog', { reason: string }>;
// Issued by the process manager reacting to OperatorRemoved, once per dialog of that operator.
export type UnassignRemovedOperator = DialogCommandOf<'UnassignRemovedOperator', { operatorId: string }>;

export type DialogCommand =
  | OpenDialog
  | SendMessage
  | AddNote
  | AssignOperator
  | AssignRoutedOperator
  | TakeIntoWork
  | JoinDialog
  | LeaveDialog
  | TransferToLine
  | TransferToOperator
  | AddTag
  | RemoveTag
  | PinDialog
  | UnpinDialog
  | SetCrmLink
  | CloseDialog
  | FinishClosing
  | ForceCloseAsSpam
  | ReopenDialog
  | RateDialog
  | ReviewDialog
  | DeleteDialog
  | UnassignRemovedOperator;

export type DialogRequest = Request<DialogCommand>;
