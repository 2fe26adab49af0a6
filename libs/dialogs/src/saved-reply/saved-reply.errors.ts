import { DomainError } from '../shared/domain-error';

export const savedReplyErrors = {
  notFound: (savedReplyId: string) => new DomainError('saved_reply_not_found', 'not_found', `Saved reply ${savedReplyId} does not exist`, { savedReplyId }),
  alreadyExists: (savedReplyId: string) =>
    new DomainError('saved_reply_already_exists', 'conflict', `Saved reply ${savedReplyId} already exists`, { savedReplyId }),
  deleted: (savedReplyId: string) => new DomainError('saved_reply_deleted', 'conflict', `Saved reply ${savedReplyId} was deleted`, { savedReplyId }),
  notYours: (savedReplyId: string) =>
    new DomainError('saved_reply_not_yours', 'forbidden', `Saved reply ${savedReplyId} is another person's`, { savedReplyId }),
  teamRepliesForLeads: () =>
    new DomainError('saved_reply_team_scope_forbidden', 'forbidden', 'Only supervisors and admins keep team replies', { field: 'scope' }),
  // Named in a message: a bad value of the request's savedReplyId, so 400 naming the field.
  notUsable: (savedReplyId: string, reason: 'not_found' | 'deleted' | 'line_deleted') =>
    new DomainError(
      'saved_reply_not_usable',
      'invalid',
      {
        not_found: `Saved reply ${savedReplyId} does not exist, or is not yours to use`,
        deleted: `Saved reply ${savedReplyId} was deleted`,
        line_deleted: `Saved reply ${savedReplyId} is for a line that was deleted`,
      }[reason],
      { field: 'savedReplyId', savedReplyId, reason },
    ),
  tooLong: (field: string, max: number) => new DomainError('saved_reply_too_long', 'invalid', `${field} is longer than ${max} characters`, { field, max }),
};
