import type { OperatorAvailability } from '../operator/operator-availability';
import { DomainError } from '../shared/domain-error';

export const dialogErrors = {
  notFound: (dialogId: string) => new DomainError('dialog_not_found', 'not_found', `Dialog ${dialogId} does not exist`, { dialogId }),
  // Not found, as every read model says once the dialog is deleted; the code tells the two apart.
  deleted: (dialogId: string) => new DomainError('dialog_deleted', 'not_found', `Dialog ${dialogId} was deleted`, { dialogId }),
  deletionReasonTooLong: (max: number) =>
    new DomainError('deletion_reason_too_long', 'invalid', `reason is longer than ${max} characters`, { field: 'reason', max }),
  alreadyExists: (dialogId: string) => new DomainError('dialog_already_exists', 'conflict', `Dialog ${dialogId} already exists`, { dialogId }),
  // Also what a client message to a closed dialog gets: the handler then opens a follow-up dialog.
  closed: (dialogId: string) => new DomainError('dialog_closed', 'conflict', `Dialog ${dialogId} is closed`, { dialogId }),
  notClosed: (dialogId: string) => new DomainError('dialog_not_closed', 'conflict', `Dialog ${dialogId} is not closed`, { dialogId }),
  closedAsSpam: (dialogId: string) => new DomainError('dialog_closed_as_spam', 'conflict', `Dialog ${dialogId} was closed as spam`, { dialogId }),
  alreadyRated: (dialogId: string) => new DomainError('dialog_already_rated', 'conflict', `Dialog ${dialogId} was already rated`, { dialogId }),
  occurredAtBeforeLastEvent: (dialogId: string, occurredAt: Date, lastOccurredAt: Date) =>
    new DomainError(
      'occurred_at_before_last_event',
      'unprocessable',
      `Dialog ${dialogId} has an event at ${lastOccurredAt.toISOString()}, after ${occurredAt.toISOString()}`,
      { dialogId, occurredAt: occurredAt.toISOString(), lastOccurredAt: lastOccurredAt.toISOString() },
    ),
  operatorSuspended: (operatorId: string) => new DomainError('operator_suspended', 'conflict', `Operator ${operatorId} is suspended`, { operatorId }),
  operatorNotAvailable: (operatorId: string, status: OperatorAvailability) =>
    new DomainError('operator_not_available', 'conflict', `Operator ${operatorId} is not available (${status})`, {
      operatorId,
      status,
    }),
  // An operator's screen showed the dialog as theirs to answer, but someone else holds it now.
  claimed: (dialogId: string, assigneeId: string) =>
    new DomainError('dialog_claimed', 'conflict', `Dialog ${dialogId} is now assigned to ${assigneeId}`, { dialogId, assigneeId }),
  seenRevisionAhead: (dialogId: string, seenRevision: bigint) =>
    new DomainError('seen_revision_ahead', 'invalid', `Dialog ${dialogId} has no revision ${seenRevision} yet`, {
      dialogId,
      field: 'seenRevision',
    }),
  assigneeCannotLeave: (dialogId: string, operatorId: string) =>
    new DomainError(
      'assignee_cannot_leave',
      'conflict',
      `Operator ${operatorId} is the assignee of dialog ${dialogId}: transfer the dialog or unassign it instead of leaving`,
      { dialogId, operatorId },
    ),
  notParticipant: (dialogId: string, operatorId: string) =>
    new DomainError('not_a_participant', 'conflict', `Operator ${operatorId} does not participate in dialog ${dialogId}`, {
      dialogId,
      operatorId,
    }),
  targetLineNotFound: (lineId: string) => new DomainError('target_line_not_found', 'unprocessable', `Line ${lineId} does not exist`, { lineId }),
  emptyMessage: () => new DomainError('empty_message', 'invalid', 'A message needs text or at least one attachment'),
  invalidAttachment: (index: number) =>
    new DomainError('invalid_attachment', 'invalid', `Attachment ${index} needs a name and a whole, non-negative size`, { index }),
  savedReplyOnlyForOperators: () =>
    new DomainError('saved_reply_for_operators', 'invalid', 'Only an operator message names the saved reply it used', { field: 'savedReplyId' }),
  emptyNote: () => new DomainError('empty_note', 'invalid', 'A note needs text'),
  invalidTag: () => new DomainError('invalid_tag', 'invalid', 'A tag must not be blank'),
  invalidRating: (rating: number) => new DomainError('invalid_rating', 'invalid', 'A rating is a whole number from 1 to 5', { rating }),
  invalidReviewScore: (score: number) => new DomainError('invalid_review_score', 'invalid', 'A review score is a whole number from 1 to 5', { score }),
};
