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
  tooLong: (field: string, max: number) => new DomainError('saved_reply_too_long', 'invalid', `${field} is longer than ${max} characters`, { field, max }),
};
