import { AssignmentAuditEntry } from './assignment-audit/assignment-audit.entity';
import { AssignmentAuditProjection } from './assignment-audit/assignment-audit.projection';
import { AssignmentResponseEntry } from './assignment-responses/assignment-response.entity';
import { DialogListEntry } from './dialog-list/dialog-list.entity';
import { DialogListProjection } from './dialog-list/dialog-list.projection';
import type { FoldedDialog } from './dialog-list/dialog-list.fold';
import type { DialogListRow } from './dialog-list/dialog-list.row';
import { DialogMessageEntry } from './dialog-messages/dialog-message.entity';
import { DialogMessagesProjection } from './dialog-messages/dialog-messages.projection';
import { RemindersProjection } from './reminders/reminders.projection';
import { SavedRepliesProjection } from './saved-replies/saved-replies.projection';
import { SavedReplyUsesProjection } from './saved-reply-uses/saved-reply-uses.projection';
import { ResponseIntervalEntry } from './response-intervals/response-interval.entity';
import { StatusChangeEntry } from './status-history/status-change.entity';

export * from './business-hours';
export * from './dialog-metrics';
export { readModelMigrations } from './migrations';
export {
  AssignmentAuditEntry,
  AssignmentAuditProjection,
  AssignmentResponseEntry,
  DialogListEntry,
  DialogListProjection,
  type DialogListRow,
  type FoldedDialog,
  DialogMessageEntry,
  DialogMessagesProjection,
  ResponseIntervalEntry,
  RemindersProjection,
  SavedRepliesProjection,
  SavedReplyUsesProjection,
  StatusChangeEntry,
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

/** TypeORM entities of the read models, for TypeOrmModule.forFeature. */
export const readModelEntities = [
  DialogListEntry,
  DialogMessageEntry,
  StatusChangeEntry,
  AssignmentAuditEntry,
  ResponseIntervalEntry,
  AssignmentResponseEntry,
] as const;
