import type { Command } from '../shared/command';
import type { OperatorAvailability } from '../operator/operator-availability';
import type { CrmLinkKind, DialogDirection } from './dialog.values';

// Facts owned by other aggregates (an operator's status, whether a line exists) are looked up by
// the command handler and carried here, so decide never reaches outside its own stream.
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
export type MessageAuthorInput =
  | Readonly<{ kind: 'client' }>
  | Readonly<{ kind: 'bot'; botId: string }>
  | Readonly<{ kind: 'operator'; operatorStatus: OperatorAvailability }>;

export type OperatorChoice = Readonly<{ operatorId: string; operatorStatus: OperatorAvailability }>;

export type OpenDialog = Command<'OpenDialog', OpenDialogData>;
export type SendMessage = DialogCommandOf<
  'SendMessage',
  { messageId: string; author: MessageAuthorInput; text: string; attachments?: readonly AttachmentInput[] }
>;
export type AddNote = DialogCommandOf<'AddNote', { noteId: string; text: string }>;
export type AssignOperator = DialogCommandOf<'AssignOperator', OperatorChoice | Readonly<{ operatorId: null }>>;
// Issued by the routing process manager after a line recorded DialogRouted.
export type AssignRoutedOperator = DialogCommandOf<'AssignRoutedOperator', OperatorChoice>;
export type TakeIntoWork = DialogCommandOf<'TakeIntoWork', { operatorStatus: OperatorAvailability }>;
export type JoinDialog = DialogCommandOf<'JoinDialog'>;
export type LeaveDialog = DialogCommandOf<'LeaveDialog'>;
// targetLineExists is false for an unknown or deleted line.
export type TransferToLine = DialogCommandOf<'TransferToLine', { toLineId: string; targetLineExists: boolean }>;
export type TransferToOperator = DialogCommandOf<'TransferToOperator', OperatorChoice>;
export type AddTag = DialogCommandOf<'AddTag', { tag: string }>;
export type RemoveTag = DialogCommandOf<'RemoveTag', { tag: string }>;
export type PinDialog = DialogCommandOf<'PinDialog', { operatorId: string }>;
export type UnpinDialog = DialogCommandOf<'UnpinDialog'>;
export type SetCrmLink = DialogCommandOf<
  'SetCrmLink',
  { crmLink: Readonly<{ kind: CrmLinkKind; id: string; url?: string }> }
>;
export type CloseDialog = DialogCommandOf<'CloseDialog', { awaitingRating?: boolean }>;
// Issued by a scheduler when the wait for the client's rating times out.
export type FinishClosing = DialogCommandOf<'FinishClosing'>;
export type ForceCloseAsSpam = DialogCommandOf<'ForceCloseAsSpam'>;
export type ReopenDialog = DialogCommandOf<'ReopenDialog'>;
export type RateDialog = DialogCommandOf<'RateDialog', { rating: number; comment?: string }>;
export type ReviewDialog = DialogCommandOf<'ReviewDialog', { score: number; comment: string }>;
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
  | UnassignRemovedOperator;
