import type { LogFilter } from '@switchboard/event-store';
import type { Projection } from '@switchboard/projections';
import { AssignmentAuditProjection } from '../../assignment-audit/assignment-audit.projection';
import { DialogListProjection } from '../../dialog-list/dialog-list.projection';
import { DialogMessagesProjection } from '../../dialog-messages/dialog-messages.projection';
import { RemindersProjection } from '../../reminders/reminders.projection';
import { SavedRepliesProjection } from '../../saved-replies/saved-replies.projection';
import { SavedReplyUsesProjection } from '../../saved-reply-uses/saved-reply-uses.projection';

/** A projection as a reader needs to know it: its checkpoint's name and the part of the log it follows. */
export type ReadModelSource = Readonly<{ name: string; filter?: LogFilter }>;

const sourceOf = (projection: Projection): ReadModelSource => ({ name: projection.name, filter: projection.filter });

/**
 * The projections behind the queries. Taken from the projections themselves, so a renamed
 * checkpoint or a widened filter cannot leave the readers waiting on the wrong thing. The
 * dialog list's projection also writes the status history and the response intervals.
 */
export const readModelSources = {
  dialogList: sourceOf(new DialogListProjection()),
  dialogMessages: sourceOf(new DialogMessagesProjection()),
  assignmentAudit: sourceOf(new AssignmentAuditProjection()),
  savedReplies: sourceOf(new SavedRepliesProjection()),
  savedReplyUses: sourceOf(new SavedReplyUsesProjection()),
  reminders: sourceOf(new RemindersProjection()),
} as const satisfies Readonly<Record<string, ReadModelSource>>;

export type ReadModelName = keyof typeof readModelSources;
