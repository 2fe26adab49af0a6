import { AssignmentAuditProjection } from './assignment-audit/assignment-audit.projection';
import { DialogListProjection } from './dialog-list/dialog-list.projection';
import type { FoldedDialog } from './dialog-list/dialog-list.fold';
import type { DialogListRow } from './dialog-list/dialog-list.row';
import { DialogMessagesProjection } from './dialog-messages/dialog-messages.projection';
import { RemindersProjection } from './reminders/reminders.projection';
import { SavedRepliesProjection } from './saved-replies/saved-replies.projection';
import { SavedReplyUsesProjection } from './saved-reply-uses/saved-reply-uses.projection';

export * from './business-hours';
export * from './dialog-metrics';
export { readModelMigrations } from './migrations';
export {
  AssignmentAuditProjection,
  DialogListProjection,
  type DialogListRow,
  type FoldedDialog,
  DialogMessagesProjection,
  RemindersProjection,
  SavedRepliesProjection,
  SavedReplyUsesProjection,
};

/**
 * The read-model projections, plain classes with no constructor dependencies. Each has its own
 * checkpoint, filter and `reset(tx)`, so each read model can be rebuilt on its own.
 */
export const readModelProjections = [
  DialogListProjection,
  DialogMessagesProjection,
  AssignmentAuditProjection,
  SavedRepliesProjection,
  SavedReplyUsesProjection,
  RemindersProjection,
] as const;
