import { DomainError } from '../shared/domain-error';

export const reminderErrors = {
  notFound: (reminderId: string) => new DomainError('reminder_not_found', 'not_found', `Reminder ${reminderId} does not exist`, { reminderId }),
  alreadyExists: (reminderId: string) => new DomainError('reminder_already_exists', 'conflict', `Reminder ${reminderId} already exists`, { reminderId }),
  finished: (reminderId: string, status: string) =>
    new DomainError('reminder_finished', 'conflict', `Reminder ${reminderId} is already ${status}`, { reminderId, status }),
  dialogNotFound: (dialogId: string) => new DomainError('dialog_not_found', 'not_found', `Dialog ${dialogId} does not exist`, { dialogId }),
  dialogDeleted: (dialogId: string) => new DomainError('dialog_deleted', 'not_found', `Dialog ${dialogId} was deleted`, { dialogId }),
  dialogClosed: (dialogId: string) =>
    new DomainError('reminder_dialog_closed', 'conflict', `Dialog ${dialogId} is closed: nothing is left to remind of`, { dialogId }),
  dueAtInvalid: () => new DomainError('reminder_due_at_invalid', 'invalid', 'dueAt must be an ISO 8601 instant', { field: 'dueAt' }),
  dueInPast: () => new DomainError('reminder_due_in_past', 'invalid', 'dueAt must be later than now', { field: 'dueAt' }),
  noteTooLong: (max: number) => new DomainError('reminder_note_too_long', 'invalid', `note is longer than ${max} characters`, { field: 'note', max }),
};
