import type {
  AttachmentInput,
  CrmLinkKind,
  DialogDirection,
  LineScheduleInput,
  RoutingMode,
} from '@switchboard/dialogs';

/**
 * What a request asks for, before the handler adds the facts other streams own (an operator's
 * status, whether a line exists) and turns it into a domain command.
 */
export type DialogIntent =
  | {
      type: 'SendMessage';
      messageId: string;
      author: { kind: 'client' } | { kind: 'bot'; botId: string } | { kind: 'operator' };
      text: string;
      attachments?: readonly AttachmentInput[];
      /** The dialog's revision the operator's screen showed when they wrote (see authorizeDialogIntent). */
      seenRevision?: bigint;
    }
  | { type: 'AddNote'; noteId: string; text: string }
  | { type: 'AssignOperator'; operatorId: string | null }
  | { type: 'TakeIntoWork' }
  | { type: 'JoinDialog' }
  | { type: 'LeaveDialog' }
  | { type: 'TransferToLine'; toLineId: string }
  | { type: 'TransferToOperator'; operatorId: string }
  | { type: 'AddTag'; tag: string }
  | { type: 'RemoveTag'; tag: string }
  | { type: 'PinDialog'; operatorId: string }
  | { type: 'UnpinDialog' }
  | { type: 'SetCrmLink'; crmLink: { kind: CrmLinkKind; id: string; url?: string } }
  | { type: 'CloseDialog'; awaitingRating?: boolean }
  | { type: 'ForceCloseAsSpam' }
  | { type: 'ReopenDialog' }
  | { type: 'RateDialog'; rating: number; comment?: string }
  | { type: 'ReviewDialog'; score: number; comment: string };

export interface OpenDialogIntent {
  /** Optional: a channel may name the dialog itself, which makes a retried open idempotent. */
  dialogId?: string;
  direction: DialogDirection;
  channel: string;
  lineId: string;
  client: { id: string; name?: string };
  pageUrl?: string;
  formFilled?: boolean;
  historyRequested?: boolean;
}

/** Bulk actions on several active dialogs; each succeeds or fails on its own. */
export type BulkIntent =
  | { type: 'CloseDialog' }
  | { type: 'ForceCloseAsSpam' }
  | { type: 'TransferToLine'; toLineId: string }
  | { type: 'TransferToOperator'; operatorId: string };

export type OperatorIntent =
  | { type: 'RegisterOperator'; name: string; email?: string; lineIds: string[] }
  | { type: 'SuspendOperator' }
  | { type: 'ReactivateOperator' }
  | { type: 'RemoveOperator' };

export type LineIntent =
  | { type: 'CreateLine'; name: string; routingMode: RoutingMode; operatorIds: string[] }
  | { type: 'DeleteLine' }
  | ({ type: 'SetLineSchedule' } & LineScheduleInput)
  | { type: 'ClearLineSchedule' };
