import type { Command, Request } from '../shared/command';

// dueAt is ISO 8601 text as the edge received it; the decider refuses one not after the command's time.
export type SetReminder = Command<'SetReminder', { reminderId: string; dialogId: string; dueAt: string; note: string | null }>;
export type CompleteReminder = Command<'CompleteReminder', { reminderId: string }>;
export type CancelReminder = Command<'CancelReminder', { reminderId: string }>;

// The system's: the projector's clock, and its reaction to a dialog closed or deleted.
export type RecordReminderDue = Command<'RecordReminderDue', { reminderId: string }>;
export type CancelReminderOfClosedDialog = Command<'CancelReminderOfClosedDialog', { reminderId: string }>;
export type ReminderCommand = SetReminder | CompleteReminder | CancelReminder | RecordReminderDue | CancelReminderOfClosedDialog;

export type ReminderRequest = Request<ReminderCommand>;
