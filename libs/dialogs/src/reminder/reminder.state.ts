import type { ReminderStatus } from './reminder.values';

export type ExistingReminderState = Readonly<{
  exists: true;
  reminderId: string;
  dialogId: string;
  operatorId: string;
  status: ReminderStatus;
  dueAt: string;
  fellDue: boolean;
}>;

export type ReminderState = Readonly<{ exists: false }> | ExistingReminderState;

export const initialReminderState: ReminderState = { exists: false };
